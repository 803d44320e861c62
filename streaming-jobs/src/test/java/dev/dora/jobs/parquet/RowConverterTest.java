package dev.dora.jobs.parquet;

import static dev.dora.jobs.EventFixtures.DEPLOYED;
import static dev.dora.jobs.EventFixtures.PUSHED;
import static dev.dora.jobs.EventFixtures.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dora.events.tables.Tables;
import dev.dora.jobs.facts.BranchCommitRow;
import dev.dora.jobs.facts.ChangeRow;
import dev.dora.jobs.facts.DeclaredChangeRow;
import dev.dora.jobs.facts.DeploymentRow;
import dev.dora.jobs.facts.IncidentRow;
import dev.dora.jobs.facts.PullRequestRow;
import dev.dora.jobs.facts.RawRow;
import dev.dora.jobs.facts.RejectedRow;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Row records to Avro records of their warehouse table, and one real Parquet file read back. */
class RowConverterTest {
    // Epoch milliseconds of the fixtures' named instants, worked out independently.
    private static final long RECEIVED_MILLIS = 1772442000000L; // 2026-03-02T09:00:00Z
    private static final long PUSHED_MILLIS = 1772438400000L; // 2026-03-02T08:00:00Z
    private static final long DEPLOYED_MILLIS = 1772445600000L; // 2026-03-02T10:00:00Z

    private static final ChangeRow CHANGE =
            new ChangeRow(
                    "acme/shop@a1",
                    "acme/shop",
                    "acme/shop",
                    "a1",
                    "main",
                    DEPLOYED,
                    null, // started_at is nullable
                    PUSHED,
                    "a0",
                    "a1",
                    "a0",
                    null, // no pull request declared
                    "docs/a, b.md\nsvc/App.java", // paths may contain commas
                    "evt-1",
                    7L);

    @Test
    void eventsRaw() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        RawRow row = new RawRow("evt-1", "github", "push", "d-1", RECEIVED, "{}", body);

        GenericRecord record = new RowConverter<>(Tables.EVENTS_RAW, RawRow.class).convert(row);

        assertThat(record.getSchema().getName()).isEqualTo("events_raw");
        assertThat(record.get("event_id")).isEqualTo("evt-1");
        assertThat(record.get("received_at")).isEqualTo(RECEIVED_MILLIS);
        assertThat(record.get("body")).isEqualTo(ByteBuffer.wrap(body));
    }

    @Test
    void rejectedEvents() {
        RejectedRow row = new RejectedRow("evt-1", "github", "push", "d-1", RECEIVED, "not JSON");

        GenericRecord record =
                new RowConverter<>(Tables.REJECTED_EVENTS, RejectedRow.class).convert(row);

        assertThat(record.getSchema().getName()).isEqualTo("rejected_events");
        assertThat(record.get("received_at")).isEqualTo(RECEIVED_MILLIS);
        assertThat(record.get("reason")).isEqualTo("not JSON");
    }

    @Test
    void changes() {
        RowConverter<ChangeRow> converter = new RowConverter<>(Tables.CHANGES, ChangeRow.class);

        GenericRecord record = converter.convert(CHANGE);

        assertThat(record.getSchema().getName()).isEqualTo("changes");
        assertThat(record.get("change_key")).isEqualTo("acme/shop@a1");
        assertThat(record.get("committed_at")).isEqualTo(DEPLOYED_MILLIS);
        assertThat(record.get("started_at")).isNull();
        assertThat(record.get("pushed_at")).isEqualTo(PUSHED_MILLIS);
        assertThat(record.get("paths")).isEqualTo("docs/a, b.md\nsvc/App.java");
        assertThat(record.get("version")).isEqualTo(7L);
        // The sink partitions by this value.
        assertThat(converter.value(CHANGE, "pushed_at")).isEqualTo(PUSHED_MILLIS);
    }

    @Test
    void deployments() {
        DeploymentRow row =
                new DeploymentRow(
                        "github:acme/shop:101",
                        "github",
                        "101",
                        "acme/shop",
                        "acme/shop",
                        "production",
                        true,
                        "a1",
                        "main",
                        "success",
                        PUSHED,
                        DEPLOYED,
                        DEPLOYED,
                        "deploy.yml",
                        null,
                        true,
                        false,
                        "evt-2",
                        3L);

        GenericRecord record =
                new RowConverter<>(Tables.DEPLOYMENTS, DeploymentRow.class).convert(row);

        assertThat(record.getSchema().getName()).isEqualTo("deployments");
        assertThat(record.get("production")).isEqualTo(true);
        assertThat(record.get("started_at")).isEqualTo(PUSHED_MILLIS);
        assertThat(record.get("finished_at")).isEqualTo(DEPLOYED_MILLIS);
        assertThat(record.get("status_at")).isEqualTo(DEPLOYED_MILLIS);
        assertThat(record.get("version")).isEqualTo(3L);
        assertThat(record.get("pipeline")).isEqualTo("deploy.yml");
        assertThat(record.get("rollback_of")).isNull();
        assertThat(record.get("hotfix")).isEqualTo(true);
        assertThat(record.get("changes_declared")).isEqualTo(false);
    }

    @Test
    void declaredChanges() {
        DeclaredChangeRow row =
                new DeclaredChangeRow(
                        "generic:checkout:d-1", "checkout@a1", "checkout", "a1", DEPLOYED, "e");

        GenericRecord record =
                new RowConverter<>(Tables.DECLARED_CHANGES, DeclaredChangeRow.class).convert(row);

        assertThat(record.getSchema().getName()).isEqualTo("declared_changes");
        assertThat(record.get("change_key")).isEqualTo("checkout@a1");
        assertThat(record.get("declared_at")).isEqualTo(DEPLOYED_MILLIS);
    }

    @Test
    void incidents() {
        IncidentRow row =
                new IncidentRow(
                        "generic:INC-1",
                        "generic",
                        "INC-1",
                        "checkout",
                        null,
                        "resolved",
                        "sev2",
                        PUSHED,
                        DEPLOYED,
                        "d-1",
                        null,
                        DEPLOYED,
                        "e",
                        9L);

        GenericRecord record = new RowConverter<>(Tables.INCIDENTS, IncidentRow.class).convert(row);

        assertThat(record.get("opened_at")).isEqualTo(PUSHED_MILLIS);
        assertThat(record.get("resolved_at")).isEqualTo(DEPLOYED_MILLIS);
        assertThat(record.get("caused_by_deployment_id")).isEqualTo("d-1");
        assertThat(record.get("title")).isNull();
    }

    @Test
    void pullRequestsAndBranchCommits() {
        PullRequestRow pr =
                new PullRequestRow(
                        "github:acme/shop:7",
                        "github",
                        "acme/shop",
                        "acme/shop",
                        "7",
                        true,
                        "feature",
                        "main",
                        "b2",
                        "m1",
                        PUSHED,
                        DEPLOYED,
                        DEPLOYED,
                        "e",
                        5L);
        BranchCommitRow commit =
                new BranchCommitRow(
                        "acme/shop@feature@b1",
                        "acme/shop",
                        "acme/shop",
                        "feature",
                        "b1",
                        null,
                        PUSHED,
                        "e",
                        1L);

        GenericRecord prRecord =
                new RowConverter<>(Tables.PULL_REQUESTS, PullRequestRow.class).convert(pr);
        GenericRecord commitRecord =
                new RowConverter<>(Tables.BRANCH_COMMITS, BranchCommitRow.class).convert(commit);

        assertThat(prRecord.get("merge_commit_sha")).isEqualTo("m1");
        assertThat(prRecord.get("merged")).isEqualTo(true);
        assertThat(commitRecord.get("branch")).isEqualTo("feature");
        assertThat(commitRecord.get("committed_at")).isNull();
    }

    @Test
    void rowTypeOfAnotherTableFailsNamingTheColumn() {
        assertThatThrownBy(() -> new RowConverter<>(Tables.DEPLOYMENTS, ChangeRow.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "ChangeRow component 0 is 'change_key' but column 0 of deployments is"
                                + " 'deployment_key'");
    }

    /** CHANGES without its last column, as if a column had been added to the table only. */
    record ChangeRowWithoutVersion(
            String changeKey,
            String service,
            String repo,
            String sha,
            String branch,
            Instant committedAt,
            Instant startedAt,
            Instant pushedAt,
            String pushBefore,
            String pushAfter,
            String parentSha,
            String pullRequest,
            String paths,
            String eventId) {}

    @Test
    void rowTypeMissingAColumnFailsNamingIt() {
        assertThatThrownBy(() -> new RowConverter<>(Tables.CHANGES, ChangeRowWithoutVersion.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "ChangeRowWithoutVersion has 14 components but table changes has 15"
                                + " columns: column 'version' has no component");
    }

    @Test
    void parquetTimestampsReadBackAsPlainUtcAndPathsKeepTheirNewlines(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("changes.parquet");
        RowConverter<ChangeRow> converter = new RowConverter<>(Tables.CHANGES, ChangeRow.class);
        try (ParquetWriter<GenericRecord> writer =
                AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                        .withSchema(AvroSchemas.of(Tables.CHANGES))
                        .build()) {
            writer.write(converter.convert(CHANGE));
        }

        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                PreparedStatement q =
                        duck.prepareStatement(
                                "SELECT typeof(committed_at), CAST(committed_at AS VARCHAR),"
                                        + " started_at IS NULL, version,"
                                        + " string_split(paths, chr(10))[2] FROM read_parquet(?)")) {
            q.setString(1, file.toString());
            try (ResultSet r = q.executeQuery()) {
                assertThat(r.next()).isTrue();
                // TIMESTAMP, not TIMESTAMP WITH TIME ZONE, and the UTC wall-clock time of DEPLOYED.
                assertThat(r.getString(1)).isEqualTo("TIMESTAMP");
                assertThat(r.getString(2)).isEqualTo("2026-03-02 10:00:00");
                assertThat(r.getBoolean(3)).isTrue();
                assertThat(r.getLong(4)).isEqualTo(7L);
                // The newline survives the file: the second path of the change.
                assertThat(r.getString(5)).isEqualTo("svc/App.java");
                assertThat(r.next()).isFalse();
            }
        }
    }

    /** Rows of sources without a repository or sha (generic API, CDEvents) must still write. */
    @Test
    void deploymentAndDeclaredChangeWithoutRepositoryOrShaWriteToParquet(@TempDir Path dir)
            throws Exception {
        dev.dora.events.DeploymentStatusEvent declared =
                new dev.dora.events.DeploymentStatusEvent(
                        "generic",
                        "deploy-4711",
                        null,
                        null,
                        null,
                        "production",
                        "success",
                        DEPLOYED,
                        DEPLOYED,
                        "checkout",
                        null,
                        null,
                        java.util.List.of(new dev.dora.events.Commit("41e2c8a", DEPLOYED)));
        dev.dora.events.CanonicalEvent event =
                dev.dora.events.CanonicalEvent.of("evt-1", "checkout", declared);
        var deployments =
                dev.dora.jobs.facts.FactRows.deployments(
                        event, java.util.regex.Pattern.compile("production"));
        var changes = dev.dora.jobs.facts.FactRows.changes(event);
        assertThat(deployments.get(0).deploymentKey()).isEqualTo("generic:checkout:deploy-4711");
        assertThat(changes).extracting(ChangeRow::changeKey).containsExactly("checkout@41e2c8a");

        write(
                dir.resolve("d.parquet"),
                Tables.DEPLOYMENTS,
                DeploymentRow.class,
                deployments.get(0));
        write(dir.resolve("c.parquet"), Tables.CHANGES, ChangeRow.class, changes.get(0));
    }

    private static <T extends Record> void write(
            Path file, dev.dora.events.tables.TableSchema table, Class<T> type, T row)
            throws Exception {
        RowConverter<T> converter = new RowConverter<>(table, type);
        try (ParquetWriter<GenericRecord> writer =
                AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                        .withSchema(AvroSchemas.of(table))
                        .build()) {
            writer.write(converter.convert(row));
        }
        assertThat(file).exists();
    }
}
