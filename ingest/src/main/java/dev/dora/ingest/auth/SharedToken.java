package dev.dora.ingest.auth;

import java.util.Locale;
import java.util.Map;

/**
 * A header that carries the secret itself, as GitLab sends it in {@code X-Gitlab-Token}: GitLab
 * does not sign the body, so the token is all there is to check.
 */
public final class SharedToken implements Authenticator {
    private final String header;

    public SharedToken(String header) {
        this.header = header;
    }

    @Override
    public boolean verify(String secret, Map<String, String> headers, byte[] body) {
        return ConstantTime.equals(headers.get(header.toLowerCase(Locale.ROOT)), secret);
    }

    @Override
    public String credential() {
        return header;
    }
}
