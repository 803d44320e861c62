package dev.dora.jobs.cdevents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which artifact ids name a commit: only a full 40-hex commit id, wherever the purl carries it. */
class PurlTest {
    private static final String COMMIT = "9fceb02d0ae598e95dc970b74767f19372d61af8";

    @Test
    void commitAsThePurlVersionOrAsTheWholeId() {
        assertThat(Purl.commitSha("pkg:github/acme/checkout@" + COMMIT)).isEqualTo(COMMIT);
        assertThat(Purl.commitSha("pkg:github/acme/checkout@" + COMMIT + "?arch=x86#sub"))
                .isEqualTo(COMMIT);
        assertThat(Purl.commitSha(COMMIT.toUpperCase())).isEqualTo(COMMIT);
    }

    @Test
    void commitAtTheEndOfTheVcsUrlQualifier() {
        assertThat(
                        Purl.commitSha(
                                "pkg:oci/checkout@sha256%3Aabc?vcs_url=git%2Bhttps://github.com/acme/checkout.git%40"
                                        + COMMIT))
                .isEqualTo(COMMIT);
    }

    @Test
    void digestsAbbreviationsAndVersionsAreNotCommits() {
        assertThat(
                        Purl.commitSha(
                                "pkg:oci/myapp@sha256%3A0b31b1c02ff458ad9b7b81cbdf8f028bd54699fa151f221d1e8de6817db93427"))
                .isNull();
        assertThat(Purl.commitSha("pkg:golang/mygit.com/myorg/myapp@234fd47e07d1004f0aed9c"))
                .isNull();
        assertThat(
                        Purl.commitSha(
                                "0b31b1c02ff458ad9b7b81cbdf8f028bd54699fa151f221d1e8de6817db93427"))
                .isNull();
        assertThat(Purl.commitSha("six-1.14.0-py2.py3-none-any.whl")).isNull();
        assertThat(Purl.commitSha("pkg:npm/%40scope/name@1.2.3%")).isNull();
        assertThat(Purl.commitSha(null)).isNull();
    }
}
