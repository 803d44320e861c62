package dev.dora.ingest.auth;

import java.util.Map;

/**
 * Checks one request's credentials against a source's secret. Implementations compare in constant
 * time and never log or echo what they were given.
 */
public interface Authenticator {

    /**
     * @param secret the source's secret (never blank)
     * @param headers request headers, names lower-cased
     * @param body the raw request body
     */
    boolean verify(String secret, Map<String, String> headers, byte[] body);

    /** What the sender must provide, for the 401 message, e.g. {@code X-Hub-Signature-256}. */
    String credential();

    /** Accepts a request that either this or the other authenticator accepts. */
    default Authenticator or(Authenticator other) {
        Authenticator first = this;
        return new Authenticator() {
            @Override
            public boolean verify(String secret, Map<String, String> headers, byte[] body) {
                // Both run, so the answer's timing does not tell which credential was tried.
                boolean a = first.verify(secret, headers, body);
                boolean b = other.verify(secret, headers, body);
                return a | b;
            }

            @Override
            public String credential() {
                return first.credential() + " or " + other.credential();
            }
        };
    }
}
