package dev.dora.jobs.circleci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dora.jobs.UnparseableEventException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepositoryUrlsTest {
    @ParameterizedTest
    @CsvSource({
        "https://github.com/circleci/webhook-service, circleci/webhook-service",
        "https://bitbucket.org/acme/shop/, acme/shop",
        "https://gitlab.com/circleci/hello-world, circleci/hello-world",
        "git@gitlab.com:circleci/hello-world.git, circleci/hello-world",
        "https://gitlab.com/acme/payments/checkout.git, acme/payments/checkout",
        "ssh://git@bitbucket.acme.internal:7999/shop/checkout.git, shop/checkout",
        "https://bitbucket.acme.internal/scm/SHOP/checkout.git, SHOP/checkout"
    })
    void fullNameIsThePathOfTheUrl(String url, String fullName) {
        assertThat(RepositoryUrls.fullName(url, "x")).isEqualTo(fullName);
    }

    @Test
    void urlWithoutOwnerAndNameIsRejectedNamingTheField() {
        assertThatThrownBy(
                        () ->
                                RepositoryUrls.fullName(
                                        "https://github.com/",
                                        "pipeline.vcs.target_repository_url"))
                .isInstanceOf(UnparseableEventException.class)
                .hasMessage(
                        "field 'pipeline.vcs.target_repository_url' is not a repository URL:"
                                + " https://github.com/");
    }
}
