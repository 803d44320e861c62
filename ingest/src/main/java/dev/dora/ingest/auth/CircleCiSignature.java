package dev.dora.ingest.auth;

import java.util.Map;

/**
 * CircleCI's {@code circleci-signature}: a comma-separated list of versioned signatures such as
 * {@code v1=<hex>,v2=...}. Only the {@code v1} entry (hex HMAC-SHA256 of the body) is checked:
 * CircleCI advises checking only the newest version one knows, so that an older, weaker entry
 * cannot be used to downgrade the check.
 */
public final class CircleCiSignature implements Authenticator {
    private static final String HEADER = "circleci-signature";
    private static final String VERSION = "v1=";

    @Override
    public boolean verify(String secret, Map<String, String> headers, byte[] body) {
        String value = headers.get(HEADER);
        if (value == null) {
            return false;
        }
        for (String entry : value.split(",")) {
            String e = entry.trim();
            if (e.startsWith(VERSION)) {
                return HmacSha256.matchesHex(secret, body, e.substring(VERSION.length()));
            }
        }
        return false;
    }

    @Override
    public String credential() {
        return HEADER + " (v1)";
    }
}
