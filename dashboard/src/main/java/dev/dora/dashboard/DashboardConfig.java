package dev.dora.dashboard;

import java.time.Duration;
import java.util.Objects;

/**
 * The dashboard's settings.
 *
 * @param adminToken the bootstrap admin API token (never logged)
 * @param sessionLifetime how long a sign-in lasts
 * @param secureCookies mark the session cookie Secure (when served over HTTPS)
 */
public record DashboardConfig(String adminToken, Duration sessionLifetime, boolean secureCookies) {
    public DashboardConfig {
        Objects.requireNonNull(adminToken, "admin token");
        if (adminToken.length() < 16) {
            throw new IllegalArgumentException("admin token must be at least 16 characters");
        }
    }

    @Override
    public String toString() {
        return "DashboardConfig[sessionLifetime=" + sessionLifetime + "]";
    }
}
