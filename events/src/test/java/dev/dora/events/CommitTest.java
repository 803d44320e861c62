package dev.dora.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A commit's paths are kept sorted and without duplicates, whatever order a source lists them. */
class CommitTest {
    private static final Instant COMMITTED = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void pathsAreSortedAndDeduplicated() {
        Commit c =
                new Commit(
                        "a1",
                        COMMITTED,
                        null,
                        List.of("svc/b/B.java", "README.md", "svc/b/B.java"));

        assertThat(c.paths()).containsExactly("README.md", "svc/b/B.java");
        assertThat(c)
                .isEqualTo(new Commit("a1", COMMITTED, null, List.of("README.md", "svc/b/B.java")));
    }

    @Test
    void unknownPathsStayNullAndNoPathsStayEmpty() {
        assertThat(new Commit("a1", COMMITTED).paths()).isNull();
        assertThat(new Commit("a1", COMMITTED, null, List.of()).paths()).isEmpty();
    }

    @Test
    void aNullPathIsRefused() {
        assertThatThrownBy(() -> new Commit("a1", COMMITTED, null, Arrays.asList("a", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("commit a1 has a null path");
    }
}
