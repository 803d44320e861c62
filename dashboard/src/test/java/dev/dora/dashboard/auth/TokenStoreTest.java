package dev.dora.dashboard.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens are kept only as hashes, found by their value, shared through the file, revocable. */
class TokenStoreTest {
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir Path dir;

    @Test
    void aCreatedTokenIsFoundByItsValueAndStoredOnlyAsAHash() throws Exception {
        Path file = dir.resolve("tokens.json");
        TokenStore store = new TokenStore(file, CLOCK);

        TokenStore.Created created = store.create(Role.EXPORTER, "reports");

        assertThat(created.token()).startsWith("dora_").hasSizeGreaterThan(40);
        assertThat(store.find(created.token()))
                .hasValueSatisfying(
                        e -> {
                            assertThat(e.parsedRole()).isEqualTo(Role.EXPORTER);
                            assertThat(e.name()).isEqualTo("reports");
                            assertThat(e.created()).isEqualTo("2026-12-01T10:00:00Z");
                        });
        String stored = Files.readString(file);
        assertThat(stored).doesNotContain(created.token());
        assertThat(stored)
                .contains(java.util.HexFormat.of().formatHex(TokenStore.sha256(created.token())));
        assertThat(store.find(created.token() + "x")).isEmpty();
        assertThat(store.find("not-a-token")).isEmpty();
        assertThat(store.find(null)).isEmpty();
    }

    @Test
    void anotherProcessSeesCreatedAndRevokedTokens() {
        Path file = dir.resolve("tokens.json");
        TokenStore server = new TokenStore(file, CLOCK);
        TokenStore command = new TokenStore(file, CLOCK);
        assertThat(server.list()).isEmpty();

        TokenStore.Created viewer = command.create(Role.VIEWER, null);
        TokenStore.Created admin = command.create(Role.ADMIN, "ops");

        assertThat(server.find(viewer.token())).map(TokenStore.Entry::role).hasValue("viewer");
        assertThat(server.exists(admin.entry().id())).isTrue();
        assertThat(command.revoke(viewer.entry().id())).isTrue();
        assertThat(command.revoke(viewer.entry().id())).isFalse();
        assertThat(server.find(viewer.token())).isEmpty();
        assertThat(server.find(admin.token())).isPresent();
        assertThat(server.list())
                .extracting(TokenStore.Entry::id)
                .containsExactly(admin.entry().id());
    }

    @Test
    void rolesIncludeTheLesserOnes() {
        assertThat(Role.ADMIN.includes(Role.EXPORTER)).isTrue();
        assertThat(Role.EXPORTER.includes(Role.VIEWER)).isTrue();
        assertThat(Role.VIEWER.includes(Role.EXPORTER)).isFalse();
        assertThat(Role.EXPORTER.includes(Role.ADMIN)).isFalse();
        assertThat(Role.parse("exporter")).isEqualTo(Role.EXPORTER);
        assertThatThrownBy(() -> Role.parse("root"))
                .hasMessage("role must be viewer, exporter or admin, got 'root'");
    }
}
