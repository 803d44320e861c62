package dev.dora.jobs;

import dev.dora.events.CanonicalEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.jobs.changeset.ChangeSetLinker;
import dev.dora.jobs.dedupe.FirstDeliveryOnly;
import dev.dora.jobs.facts.ChangeRow;
import dev.dora.jobs.facts.DeploymentChangeRow;
import dev.dora.jobs.facts.DeploymentRow;
import dev.dora.jobs.facts.FactRows;
import dev.dora.jobs.facts.RawRow;
import dev.dora.jobs.facts.RejectedRow;
import java.util.regex.Pattern;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The DORA job: raw envelopes in; the archive, the dead letter and the change, deployment and
 * change-set facts out. It receives its source and sinks, so tests run it on bounded data and
 * production wires Kafka and Parquet ({@link StreamingMain}).
 */
public final class DoraJob {
    /** Where each output goes. */
    public record Sinks(
            Sink<RawRow> eventsRaw,
            Sink<RejectedRow> rejected,
            Sink<ChangeRow> changes,
            Sink<DeploymentRow> deployments,
            Sink<DeploymentChangeRow> deploymentChanges) {}

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
        // Every record type is immutable and no function keeps or changes its input, so chained
        // operators may hand records on without the defensive deep copy.
        env.getConfig().enableObjectReuse();
        DataStream<RawEnvelope> envelopes =
                env.fromSource(source, watermarks, "raw envelopes")
                        .uid("raw-source")
                        .keyBy(RawEnvelope::dedupeKey)
                        .process(new FirstDeliveryOnly(settings.dedupeTtl()))
                        .uid("dedupe")
                        .name("drop redeliveries");

        envelopes
                .map(RawRows::of)
                .uid("to-raw-rows")
                .name("to events_raw")
                .sinkTo(sinks.eventsRaw())
                .uid("events-raw-sink")
                .name("events_raw");

        SingleOutputStreamOperator<CanonicalEvent> events =
                envelopes
                        .process(new ParseEnvelopes(settings.parsers()))
                        .uid("parse")
                        .name("parse");
        events.getSideOutput(ParseEnvelopes.REJECTED)
                .sinkTo(sinks.rejected())
                .uid("rejected-sink")
                .name("rejected_events");

        events.flatMap(
                        (CanonicalEvent e, org.apache.flink.util.Collector<ChangeRow> out) ->
                                FactRows.changes(e).forEach(out::collect))
                .returns(TypeInformation.of(ChangeRow.class))
                .uid("to-changes")
                .name("to changes")
                .sinkTo(sinks.changes())
                .uid("changes-sink")
                .name("changes");

        Pattern production = settings.productionPattern();
        events.flatMap(
                        (CanonicalEvent e, org.apache.flink.util.Collector<DeploymentRow> out) ->
                                FactRows.deployments(e, production).forEach(out::collect))
                .returns(TypeInformation.of(DeploymentRow.class))
                .uid("to-deployments")
                .name("to deployments")
                .sinkTo(sinks.deployments())
                .uid("deployments-sink")
                .name("deployments");

        events.keyBy(CanonicalEvent::service)
                .process(new ChangeSetLinker(production, settings.pushChainTtl()))
                .uid("change-set-linker")
                .name("link changes to deployments")
                .sinkTo(sinks.deploymentChanges())
                .uid("deployment-changes-sink")
                .name("deployment_changes");
    }
}
