package dev.dora.ingest.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dora.ingest.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every HMAC scheme against the vendors' own published test vectors ({@code
 * shared/fixtures/signing-test-vectors.json}): GitHub's, CircleCI's four and PagerDuty's (with its
 * real payload file). Bitbucket publishes none; its scheme is GitHub's HMAC under another header
 * name, so GitHub's vector is replayed under {@code X-Hub-Signature}.
 */
class SigningVectorsTest {

    @Test
    void githubVectorVerifiesAndSignsTheSameHeader() {
        Vector v = vectors("github").get(0);
        PrefixedSignature github = PrefixedSignature.sha256("X-Hub-Signature-256");

        assertThat(github.verify(v.secret, headers("X-Hub-Signature-256", v.header), v.body))
                .isTrue();
        assertThat(github.sign(v.secret, v.body)).isEqualTo(v.header);
        assertThat(github.verify("other", headers("X-Hub-Signature-256", v.header), v.body))
                .isFalse();
        assertThat(github.verify(v.secret, headers("X-Hub-Signature-256", flip(v.header)), v.body))
                .isFalse();
    }

    @Test
    void bitbucketChecksTheSameHmacUnderXHubSignature() {
        Vector v = vectors("github").get(0);
        PrefixedSignature bitbucket = PrefixedSignature.sha256("X-Hub-Signature");

        assertThat(bitbucket.verify(v.secret, headers("X-Hub-Signature", v.header), v.body))
                .isTrue();
        // GitHub's legacy header carries sha1=...; that form is not accepted.
        assertThat(
                        bitbucket.verify(
                                v.secret,
                                headers("X-Hub-Signature", "sha1=" + v.header.substring(7)),
                                v.body))
                .isFalse();
        assertThat(bitbucket.verify(v.secret, headers("X-Hub-Signature-256", v.header), v.body))
                .isFalse();
    }

    @TestFactory
    List<DynamicTest> circleciVectorsVerify() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Vector v : vectors("circleci")) {
            tests.add(
                    dynamicTest(
                            "body '" + new String(v.body, UTF_8) + "'",
                            () -> {
                                CircleCiSignature circleci = new CircleCiSignature();
                                assertThat(circleci.verify(v.secret, sig(v.header), v.body))
                                        .isTrue();
                                assertThat(circleci.verify("wrong", sig(v.header), v.body))
                                        .isFalse();
                                assertThat(circleci.verify(v.secret, sig(flip(v.header)), v.body))
                                        .isFalse();
                            }));
        }
        return tests;
    }

    @Test
    void circleciChecksTheV1EntryOfAVersionedList() {
        Vector v = vectors("circleci").get(0);
        CircleCiSignature circleci = new CircleCiSignature();

        assertThat(circleci.verify(v.secret, sig(v.header + ",v2=abcdef"), v.body)).isTrue();
        assertThat(circleci.verify(v.secret, sig("v2=abcdef, " + v.header), v.body)).isTrue();
        assertThat(circleci.verify(v.secret, sig("v2=" + v.header.substring(3)), v.body)).isFalse();
        assertThat(circleci.verify(v.secret, sig(v.header.substring(3)), v.body)).isFalse();
        assertThat(circleci.verify(v.secret, Map.of(), v.body)).isFalse();
    }

    @Test
    void pagerdutyVectorVerifiesOnItsPayloadFile() {
        Vector v = pagerduty();

        assertThat(new PagerDutySignature().verify(v.secret, pd(v.header), v.body)).isTrue();
        assertThat(new PagerDutySignature().verify("wrong", pd(v.header), v.body)).isFalse();
    }

    @Test
    void pagerdutyAcceptsAnyMatchingV1DuringRotation() {
        Vector v = pagerduty();
        String old = "v1=" + HmacSha256.hex("the-old-secret", v.body);
        PagerDutySignature pagerduty = new PagerDutySignature();

        assertThat(pagerduty.verify(v.secret, pd(old + "," + v.header), v.body)).isTrue();
        assertThat(pagerduty.verify(v.secret, pd(v.header + ", " + old), v.body)).isTrue();
        assertThat(pagerduty.verify("the-old-secret", pd(old + "," + v.header), v.body)).isTrue();
        assertThat(pagerduty.verify(v.secret, pd(old + "," + flip(v.header)), v.body)).isFalse();
        assertThat(pagerduty.verify(v.secret, pd(v.header.substring(3)), v.body)).isFalse();
        assertThat(pagerduty.verify(v.secret, Map.of(), v.body)).isFalse();
    }

    @Test
    void hexIsAcceptedInEitherCase() {
        Vector v = vectors("github").get(0);

        assertThat(
                        HmacSha256.matchesHex(
                                v.secret, v.body, v.header.substring(7).toUpperCase(Locale.ROOT)))
                .isTrue();
        assertThat(HmacSha256.matchesHex(v.secret, v.body, "not-hex")).isFalse();
        assertThat(HmacSha256.matchesHex(v.secret, v.body, "")).isFalse();
    }

    private record Vector(String secret, byte[] body, String header) {}

    private static List<Vector> vectors(String source) {
        List<Vector> out = new ArrayList<>();
        for (JsonNode v : Fixtures.signingVectors(source)) {
            out.add(
                    new Vector(
                            v.path("secret").asText(),
                            v.path("body").asText().getBytes(UTF_8),
                            v.path("header_value").asText()));
        }
        assertThat(out).as("vectors for " + source).isNotEmpty();
        return out;
    }

    private static Vector pagerduty() {
        JsonNode v = Fixtures.signingVectors("pagerduty").get(0);
        byte[] body = Fixtures.bytes(v.path("body_file").asText());
        return new Vector(v.path("secret").asText(), body, v.path("header_value").asText());
    }

    private static Map<String, String> headers(String name, String value) {
        return Map.of(name.toLowerCase(Locale.ROOT), value);
    }

    private static Map<String, String> sig(String value) {
        return Map.of("circleci-signature", value);
    }

    private static Map<String, String> pd(String value) {
        return Map.of("x-pagerduty-signature", value);
    }

    /** The same header with its last hex digit changed. */
    static String flip(String header) {
        char last = header.charAt(header.length() - 1);
        return header.substring(0, header.length() - 1) + (last == '0' ? '1' : '0');
    }
}
