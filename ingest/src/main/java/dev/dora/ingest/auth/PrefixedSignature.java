package dev.dora.ingest.auth;

import java.util.Locale;
import java.util.Map;

/**
 * A header holding a prefix and the hex HMAC-SHA256 of the body: GitHub's {@code
 * X-Hub-Signature-256: sha256=...}, Bitbucket's {@code X-Hub-Signature: sha256=...} and the generic
 * API's {@code X-Dora-Signature: sha256=...}.
 */
public final class PrefixedSignature implements Authenticator {
    private final String header;
    private final String prefix;

    public PrefixedSignature(String header, String prefix) {
        this.header = header;
        this.prefix = prefix;
    }

    /** The {@code sha256=<hex>} form used by every source that signs this way. */
    public static PrefixedSignature sha256(String header) {
        return new PrefixedSignature(header, "sha256=");
    }

    @Override
    public boolean verify(String secret, Map<String, String> headers, byte[] body) {
        String value = headers.get(header.toLowerCase(Locale.ROOT));
        if (value == null || !value.startsWith(prefix)) {
            return false;
        }
        return HmacSha256.matchesHex(secret, body, value.substring(prefix.length()));
    }

    /** The header value a sender would put on this body. */
    public String sign(String secret, byte[] body) {
        return prefix + HmacSha256.hex(secret, body);
    }

    @Override
    public String credential() {
        return header;
    }
}
