package dev.dora.dashboard;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The dashboard's settings.
 *
 * @param adminToken the bootstrap admin API token (never logged)
 * @param tokensFile where the tokens created with {@code dora token create} are kept, hashed
 * @param sessionLifetime how long a sign-in lasts
 * @param secureCookies mark the session cookie Secure (when served over HTTPS)
 */
public record DashboardConfig(
        String adminToken, Path tokensFile, Duration sessionLifetime, boolean secureCookies) {
    public DashboardConfig {
        Objects.requireNonNull(adminToken, "admin token");
        Objects.requireNonNull(tokensFile, "tokens file");
        if (adminToken.length() < 16) {
            throw new IllegalArgumentException("admin token must be at least 16 characters");
        }
    }

    @Override
    public String toString() {
        return "DashboardConfig[tokensFile="
                + tokensFile
                + ", sessionLifetime="
                + sessionLifetime
                + "]";
    }
}
