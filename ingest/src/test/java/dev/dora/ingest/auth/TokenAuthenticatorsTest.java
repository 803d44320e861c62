package dev.dora.ingest.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The token schemes: GitLab's shared token, bearer tokens and the generic API's either-or. */
class TokenAuthenticatorsTest {
    private static final String SECRET = "0123456789abcdef";
    private static final byte[] BODY = "{}".getBytes(UTF_8);

    @Test
    void sharedTokenMustEqualTheSecret() {
        SharedToken gitlab = new SharedToken("X-Gitlab-Token");

        assertThat(gitlab.verify(SECRET, Map.of("x-gitlab-token", SECRET), BODY)).isTrue();
        assertThat(gitlab.verify(SECRET, Map.of("x-gitlab-token", SECRET + "x"), BODY)).isFalse();
        assertThat(gitlab.verify(SECRET, Map.of("x-gitlab-token", "0123"), BODY)).isFalse();
        assertThat(gitlab.verify(SECRET, Map.of("x-gitlab-token", ""), BODY)).isFalse();
        assertThat(gitlab.verify(SECRET, Map.of(), BODY)).isFalse();
    }

    @Test
    void bearerTokenMustCarryTheSecret() {
        BearerToken bearer = new BearerToken();

        assertThat(bearer.verify(SECRET, auth("Bearer " + SECRET), BODY)).isTrue();
        assertThat(bearer.verify(SECRET, auth("bearer " + SECRET), BODY)).isTrue();
        assertThat(bearer.verify(SECRET, auth("Bearer wrong"), BODY)).isFalse();
        assertThat(bearer.verify(SECRET, auth(SECRET), BODY)).isFalse();
        assertThat(bearer.verify(SECRET, auth("Basic " + SECRET), BODY)).isFalse();
        assertThat(bearer.verify(SECRET, auth("Bearer "), BODY)).isFalse();
        assertThat(bearer.verify(SECRET, Map.of(), BODY)).isFalse();
    }

    @Test
    void eitherCredentialPassesTheGenericCheck() {
        Authenticator generic = new BearerToken().or(PrefixedSignature.sha256("X-Dora-Signature"));
        String signature = "sha256=" + HmacSha256.hex(SECRET, BODY);

        assertThat(generic.verify(SECRET, auth("Bearer " + SECRET), BODY)).isTrue();
        assertThat(generic.verify(SECRET, Map.of("x-dora-signature", signature), BODY)).isTrue();
        assertThat(generic.verify(SECRET, Map.of("x-dora-signature", "sha256=00"), BODY)).isFalse();
        assertThat(generic.verify(SECRET, auth("Bearer nope"), BODY)).isFalse();
        assertThat(generic.credential())
                .isEqualTo("Authorization: Bearer token or X-Dora-Signature");
    }

    private static Map<String, String> auth(String value) {
        return Map.of("authorization", value);
    }
}
