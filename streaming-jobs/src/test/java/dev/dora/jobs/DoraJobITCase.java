package dev.dora.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.dora.events.RawEnvelope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job on a MiniCluster, bounded, with the production Parquet sinks: what a push says
 * about its commits is in the {@code changes} files DuckDB reads.
 */
class DoraJobITCase {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @TempDir Path warehouse;

    @Test
    void pushedCommitsReachParquetWithTheirPaths() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        new DoraJob(null, null, StreamingMain.sinks(warehouse.toString()), JobSettings.defaults())
                .build(
                        env.fromData(
                                List.of(
                                        envelope(
                                                "github",
                                                "push",
                                                "github/push/monorepo-paths.json"),
                                        envelope(
                                                "gitlab",
                                                "Push Hook",
                                                "gitlab/push/monorepo-paths.json")),
                                DoraJob.ENVELOPE_TYPE));
        env.execute("dora job on two pushes");

        assertThat(changes())
                .containsExactly(
                        tuple(
                                "github",
                                "2222222222222222222222222222222222222222",
                                String.join("|", EventFixtures.REFUNDS_PATHS)),
                        tuple("github", "3333333333333333333333333333333333333333", ""),
                        tuple("github", "4444444444444444444444444444444444444444", null),
                        tuple(
                                "gitlab",
                                "2222222222222222222222222222222222222222",
                                String.join("|", EventFixtures.REFUNDS_PATHS)),
                        tuple("gitlab", "3333333333333333333333333333333333333333", ""));
    }

    /** (source of the envelope, sha, paths with '|' for the newlines) of every change row. */
    private List<Tuple> changes() throws Exception {
        List<Tuple> rows = new ArrayList<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = duck.createStatement();
                ResultSet r =
                        s.executeQuery(
                                "SELECT split_part(event_id, '-', 1), sha,"
                                        + " replace(paths, chr(10), '|')"
                                        + " FROM read_parquet('"
                                        + warehouse.resolve("changes")
                                        + "/*/*.parquet') ORDER BY 1, 2")) {
            while (r.next()) {
                rows.add(tuple(r.getString(1), r.getString(2), r.getString(3)));
            }
        }
        return rows;
    }

    private static RawEnvelope envelope(String source, String eventType, String resource)
            throws IOException {
        try (InputStream in = DoraJobITCase.class.getResourceAsStream("/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            return new RawEnvelope(
                    source + "-evt",
                    source,
                    eventType,
                    source + "-delivery",
                    EventFixtures.RECEIVED,
                    Map.of(),
                    in.readAllBytes());
        }
    }
}
