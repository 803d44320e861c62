package dev.dora.jobs;

import dev.dora.events.RawEnvelope;
import dev.dora.events.Topics;
import dev.dora.events.tables.Tables;
import dev.dora.jobs.facts.BranchCommitRow;
import dev.dora.jobs.facts.CatalogServiceRow;
import dev.dora.jobs.facts.ChangeRow;
import dev.dora.jobs.facts.DeclaredChangeRow;
import dev.dora.jobs.facts.DeploymentRow;
import dev.dora.jobs.facts.IncidentRow;
import dev.dora.jobs.facts.PlatformRequestRow;
import dev.dora.jobs.facts.PullRequestRow;
import dev.dora.jobs.facts.RawRow;
import dev.dora.jobs.facts.RejectedRow;
import dev.dora.jobs.facts.ServiceEventRow;
import dev.dora.jobs.facts.SurveyResponseRow;
import dev.dora.jobs.parquet.ParquetTableSink;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * Entry point for running the job on an existing Flink cluster ({@code flink run -c
 * dev.dora.jobs.StreamingMain dora.jar --kafka host:9092 --warehouse s3://bucket/dora}); also the
 * production wiring that the embedded runtime reuses.
 */
public final class StreamingMain {
    private StreamingMain() {}

    /** The job reading the raw topic and writing Parquet tables. */
    public static DoraJob production(StreamingConfig config) {
        KafkaSource<RawEnvelope> source =
                KafkaSource.<RawEnvelope>builder()
                        .setBootstrapServers(config.kafkaBootstrap())
                        .setTopics(Topics.RAW)
                        .setGroupId(config.groupId())
                        .setStartingOffsets(
                                OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                        .setDeserializer(new EnvelopeDeserializer())
                        // Fetch in batches rather than one small record at a time: the broker and
                        // the source do a fraction of the work under load, for at most 200 ms
                        // more latency when the topic is quiet.
                        .setProperty("fetch.min.bytes", "65536")
                        .setProperty("fetch.max.wait.ms", "200")
                        .build();
        return new DoraJob(
                source,
                WatermarkStrategy.noWatermarks(),
                sinks(config.warehouse()),
                config.settings());
    }

    /** One Parquet sink per table, under the warehouse root (a path or a file system URI). */
    public static DoraJob.Sinks sinks(String w) {
        return new DoraJob.Sinks(
                ParquetTableSink.create(w, Tables.EVENTS_RAW, RawRow.class),
                ParquetTableSink.create(w, Tables.REJECTED_EVENTS, RejectedRow.class),
                ParquetTableSink.create(w, Tables.CHANGES, ChangeRow.class),
                ParquetTableSink.create(w, Tables.DEPLOYMENTS, DeploymentRow.class),
                ParquetTableSink.create(w, Tables.DECLARED_CHANGES, DeclaredChangeRow.class),
                ParquetTableSink.create(w, Tables.PULL_REQUESTS, PullRequestRow.class),
                ParquetTableSink.create(w, Tables.BRANCH_COMMITS, BranchCommitRow.class),
                ParquetTableSink.create(w, Tables.INCIDENTS, IncidentRow.class),
                ParquetTableSink.create(w, Tables.SURVEY_RESPONSES, SurveyResponseRow.class),
                ParquetTableSink.create(w, Tables.CATALOG_SERVICES, CatalogServiceRow.class),
                ParquetTableSink.create(w, Tables.SERVICE_EVENTS, ServiceEventRow.class),
                ParquetTableSink.create(w, Tables.PLATFORM_REQUESTS, PlatformRequestRow.class));
    }

    public static void main(String[] args) throws Exception {
        String kafka = null;
        String warehouse = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--kafka" -> kafka = args[i + 1];
                case "--warehouse" -> warehouse = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (kafka == null || warehouse == null) {
            throw new IllegalArgumentException("usage: --kafka HOST:PORT --warehouse PATH");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        production(new StreamingConfig(kafka, "dora-streaming", warehouse, JobSettings.defaults()))
                .build(env);
        env.execute("dora");
    }
}
