package dev.dora.jobs;

import dev.dora.events.CanonicalEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.jobs.catalog.CatalogRows;
import dev.dora.jobs.dedupe.FirstDeliveryOnly;
import dev.dora.jobs.facts.BranchCommitRow;
import dev.dora.jobs.facts.CatalogServiceRow;
import dev.dora.jobs.facts.ChangeRow;
import dev.dora.jobs.facts.DeclaredChangeRow;
import dev.dora.jobs.facts.DeploymentRow;
import dev.dora.jobs.facts.FactRows;
import dev.dora.jobs.facts.IncidentRow;
import dev.dora.jobs.facts.PlatformRequestRow;
import dev.dora.jobs.facts.PullRequestRow;
import dev.dora.jobs.facts.RawRow;
import dev.dora.jobs.facts.RejectedRow;
import dev.dora.jobs.facts.ServiceEventRow;
import dev.dora.jobs.facts.SurveyResponseRow;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The DORA job: raw envelopes in; the archive, the dead letter and the change, deployment,
 * change-set, incident, survey and platform-adoption facts out. It receives its source and sinks,
 * so tests run it on bounded data and production wires Kafka and Parquet ({@link StreamingMain}).
 */
public final class DoraJob {
    /** Where each output goes. */
    public record Sinks(
            Sink<RawRow> eventsRaw,
            Sink<RejectedRow> rejected,
            Sink<ChangeRow> changes,
            Sink<DeploymentRow> deployments,
            Sink<DeclaredChangeRow> declaredChanges,
            Sink<PullRequestRow> pullRequests,
            Sink<BranchCommitRow> branchCommits,
            Sink<IncidentRow> incidents,
            Sink<SurveyResponseRow> surveyResponses,
            Sink<CatalogServiceRow> catalogServices,
            Sink<ServiceEventRow> serviceEvents,
            Sink<PlatformRequestRow> platformRequests) {}

    /**
     * The envelope as a POJO of known field types. Left to type extraction, the headers map would
     * go through Kryo, and every envelope crosses the network once, to the dedupe key's operator.
     */
    public static final TypeInformation<RawEnvelope> ENVELOPE_TYPE =
            Types.POJO(
                    RawEnvelope.class,
                    Map.of(
                            "eventId", Types.STRING,
                            "source", Types.STRING,
                            "eventType", Types.STRING,
                            "deliveryId", Types.STRING,
                            "receivedAt", Types.INSTANT,
                            "headers", Types.MAP(Types.STRING, Types.STRING),
                            "body", Types.PRIMITIVE_ARRAY(Types.BYTE)));

    /** One event to the rows of one fact table (a pure function of the event). */
    @FunctionalInterface
    interface ToRows<T> extends java.io.Serializable {
        List<T> apply(CanonicalEvent event);
    }

    private final Source<RawEnvelope, ?, ?> source;
    private final WatermarkStrategy<RawEnvelope> watermarks;
    private final Sinks sinks;
    private final JobSettings settings;

    public DoraJob(
            Source<RawEnvelope, ?, ?> source,
            WatermarkStrategy<RawEnvelope> watermarks,
            Sinks sinks,
            JobSettings settings) {
        this.source = source;
        this.watermarks = watermarks;
        this.sinks = sinks;
        this.settings = settings;
    }

    /** Adds the job's operators to the environment (does not execute). */
    public void build(StreamExecutionEnvironment env) {
        build(env.fromSource(source, watermarks, "raw envelopes", ENVELOPE_TYPE).uid("raw-source"));
    }

    /**
     * Adds the job's operators after a given stream of envelopes (backfill reads them from the
     * archive). Without an {@code events_raw} sink the envelopes are not archived again.
     */
    public void build(DataStream<RawEnvelope> raw) {
        // Every record type is immutable and no function keeps or changes its input, so chained
        // operators may hand records on without the defensive deep copy.
        raw.getExecutionEnvironment().getConfig().enableObjectReuse();
        DataStream<RawEnvelope> envelopes =
                raw.keyBy(RawEnvelope::dedupeKey)
                        .process(new FirstDeliveryOnly(settings.dedupeTtl()))
                        .uid("dedupe")
                        .name("drop redeliveries");

        if (sinks.eventsRaw() != null) {
            envelopes
                    .map(RawRows::of)
                    .uid("to-raw-rows")
                    .name("to events_raw")
                    .sinkTo(sinks.eventsRaw())
                    .uid("events-raw-sink")
                    .name("events_raw");
        }

        if (sinks.catalogServices() != null) {
            // The catalog is no event of a service: its rows come from the envelope itself.
            envelopes
                    .flatMap(
                            (RawEnvelope e,
                                    org.apache.flink.util.Collector<CatalogServiceRow> out) ->
                                    CatalogRows.rows(e).forEach(out::collect))
                    .returns(TypeInformation.of(CatalogServiceRow.class))
                    .uid("to-catalog_services")
                    .name("to catalog_services")
                    .sinkTo(sinks.catalogServices())
                    .uid("catalog_services-sink")
                    .name("catalog_services");
        }

        SingleOutputStreamOperator<CanonicalEvent> events =
                envelopes
                        .process(new ParseEnvelopes(settings.parsers()))
                        .uid("parse")
                        .name("parse");
        events.getSideOutput(ParseEnvelopes.REJECTED)
                .sinkTo(sinks.rejected())
                .uid("rejected-sink")
                .name("rejected_events");

        Pattern production = settings.productionPattern();
        Pattern hotfix = settings.hotfixPattern();
        facts(events, "changes", ChangeRow.class, FactRows::changes, sinks.changes());
        facts(
                events,
                "deployments",
                DeploymentRow.class,
                e -> FactRows.deployments(e, production, hotfix),
                sinks.deployments());
        facts(
                events,
                "declared_changes",
                DeclaredChangeRow.class,
                FactRows::declaredChangeLinks,
                sinks.declaredChanges());
        facts(
                events,
                "pull_requests",
                PullRequestRow.class,
                FactRows::pullRequests,
                sinks.pullRequests());
        facts(
                events,
                "branch_commits",
                BranchCommitRow.class,
                FactRows::branchCommits,
                sinks.branchCommits());
        facts(events, "incidents", IncidentRow.class, FactRows::incidents, sinks.incidents());
        if (sinks.surveyResponses() != null) {
            facts(
                    events,
                    "survey_responses",
                    SurveyResponseRow.class,
                    FactRows::surveyResponses,
                    sinks.surveyResponses());
        }
        facts(
                events,
                "service_events",
                ServiceEventRow.class,
                FactRows::serviceEvents,
                sinks.serviceEvents());
        facts(
                events,
                "platform_requests",
                PlatformRequestRow.class,
                FactRows::platformRequests,
                sinks.platformRequests());
    }

    /**
     * Writes one fact table. Facts are derived from each event alone: everything that relates
     * events to each other (change sets, rollbacks, attribution) is derived in the query layer from
     * the latest facts, so arrival order cannot change a number.
     */
    private static <T> void facts(
            DataStream<CanonicalEvent> events,
            String table,
            Class<T> rowType,
            ToRows<T> toRows,
            Sink<T> sink) {
        events.flatMap(
                        (CanonicalEvent e, org.apache.flink.util.Collector<T> out) ->
                                toRows.apply(e).forEach(out::collect))
                .returns(TypeInformation.of(rowType))
                .uid("to-" + table)
                .name("to " + table)
                .sinkTo(sink)
                .uid(table + "-sink")
                .name(table);
    }
}
