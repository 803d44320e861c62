package dev.dora.ingest.github;

import dev.dora.ingest.auth.PrefixedSignature;
import java.util.Map;

/**
 * GitHub's {@code X-Hub-Signature-256}: {@code sha256=} and the hex HMAC-SHA256 of the body. Kept
 * as a named entry point for senders (the demo loader, tests); the check itself is {@link
 * PrefixedSignature}.
 */
public final class GitHubSignature {
    public static final String HEADER = "X-Hub-Signature-256";
    private static final PrefixedSignature SIGNATURE = PrefixedSignature.sha256(HEADER);

    private GitHubSignature() {}

    /** The header value GitHub would send for this body. */
    public static String sign(String secret, byte[] body) {
        return SIGNATURE.sign(secret, body);
    }

    /** Whether the header carries the right signature; compared in constant time. */
    public static boolean verify(String secret, byte[] body, String header) {
        return header != null
                && SIGNATURE.verify(secret, Map.of("x-hub-signature-256", header), body);
    }
}
