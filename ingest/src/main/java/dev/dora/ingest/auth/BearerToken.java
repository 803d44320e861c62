package dev.dora.ingest.auth;

import java.util.Map;

/**
 * {@code Authorization: Bearer <secret>}, for senders without a native signature (Opsgenie,
 * CDEvents, the generic API). The scheme name is matched without regard to case (RFC 9110).
 */
public final class BearerToken implements Authenticator {
    private static final String SCHEME = "bearer ";

    @Override
    public boolean verify(String secret, Map<String, String> headers, byte[] body) {
        String value = headers.get("authorization");
        if (value == null || !value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        return ConstantTime.equals(value.substring(SCHEME.length()).trim(), secret);
    }

    @Override
    public String credential() {
        return "Authorization: Bearer token";
    }
}
