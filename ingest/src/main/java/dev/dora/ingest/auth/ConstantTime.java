package dev.dora.ingest.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Compares a presented token with a secret without leaking, through timing, how much matched. */
final class ConstantTime {
    private ConstantTime() {}

    /**
     * Compares SHA-256 digests rather than the strings themselves, so that neither the position of
     * the first difference nor the secret's length shows in the time taken.
     */
    static boolean equals(String presented, String secret) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(presented), sha256(secret));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
