package dev.dora.ingest.auth;

import java.util.Map;

/**
 * PagerDuty's {@code X-PagerDuty-Signature}: one or more comma-separated {@code v1=<hex>} values.
 * There is more than one while a secret is being rotated, so the request is accepted if any {@code
 * v1} value matches. Every value is checked, so timing does not tell which one matched.
 */
public final class PagerDutySignature implements Authenticator {
    private static final String HEADER = "x-pagerduty-signature";
    private static final String VERSION = "v1=";

    @Override
    public boolean verify(String secret, Map<String, String> headers, byte[] body) {
        String value = headers.get(HEADER);
        if (value == null) {
            return false;
        }
        byte[] expected = HmacSha256.mac(secret, body); // once, however many values are sent
        boolean matched = false;
        for (String entry : value.split(",")) {
            String e = entry.trim();
            if (e.startsWith(VERSION)) {
                matched |= HmacSha256.matchesHex(expected, e.substring(VERSION.length()));
            }
        }
        return matched;
    }

    @Override
    public String credential() {
        return "X-PagerDuty-Signature";
    }
}
