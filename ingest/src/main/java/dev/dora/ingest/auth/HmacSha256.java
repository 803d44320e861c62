package dev.dora.ingest.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of a request body keyed with a source's secret (UTF-8), as GitHub, Bitbucket,
 * CircleCI, PagerDuty and the generic API sign their webhooks; hex in both cases is accepted.
 */
public final class HmacSha256 {
    private HmacSha256() {}

    public static byte[] mac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The lower-case hex HMAC, as senders put it in their signature headers. */
    public static String hex(String secret, byte[] body) {
        return HexFormat.of().formatHex(mac(secret, body));
    }

    /** Whether {@code hex} is the body's HMAC; compared in constant time, false if not hex. */
    public static boolean matchesHex(String secret, byte[] body, String hex) {
        return matchesHex(mac(secret, body), hex);
    }

    /**
     * Whether {@code hex} encodes {@code expected}; for checking several values against one MAC.
     */
    public static boolean matchesHex(byte[] expected, String hex) {
        if (hex == null || hex.isBlank()) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hex.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }
}
