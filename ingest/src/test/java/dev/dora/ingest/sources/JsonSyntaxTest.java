package dev.dora.ingest.sources;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The receiver's cheap syntax check: one well-formed JSON value, nothing more. */
class JsonSyntaxTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "[]",
                "{\"a\": [1, 2.5e3, true, null, {\"b\": \"\\u00e9\"}]}",
                "  {\"a\": 1}\n",
                "\"just a string\"",
                "42"
            })
    void wellFormedDocumentsPass(String body) {
        assertThat(JsonSyntax.problem(body.getBytes(UTF_8))).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{",
                "{\"a\": }",
                "{\"a\": [1, 2,]}",
                "{'a': 1}",
                "{\"a\": \"unterminated}",
                "{\"a\": 1} trailing",
                "{} {}",
                "payload=%7B%7D"
            })
    void malformedDocumentsAreNamed(String body) {
        assertThat(JsonSyntax.problem(body.getBytes(UTF_8))).startsWith("body is not valid JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n"})
    void emptyBodiesAreNamed(String body) {
        assertThat(JsonSyntax.problem(body.getBytes(UTF_8))).startsWith("body is empty");
    }
}
