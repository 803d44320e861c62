package dev.dora.jobs;

import dev.dora.events.CanonicalEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.jobs.facts.RejectedRow;
import java.util.List;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Envelopes to canonical events. Anything a parser refuses goes to {@link #REJECTED} with the
 * reason, so no event disappears silently.
 */
public final class ParseEnvelopes extends ProcessFunction<RawEnvelope, CanonicalEvent> {
    public static final OutputTag<RejectedRow> REJECTED = new OutputTag<>("rejected") {};

    private final ParserSettings settings;

    public ParseEnvelopes(ParserSettings settings) {
        this.settings = settings;
    }

    @Override
    public void processElement(RawEnvelope envelope, Context ctx, Collector<CanonicalEvent> out) {
        try {
            List<CanonicalEvent> events = Parsers.parse(envelope, settings);
            for (CanonicalEvent event : events) {
                String problem = CanonicalChecks.problem(event);
                if (problem != null) {
                    throw new UnparseableEventException(problem);
                }
            }
            events.forEach(out::collect);
        } catch (UnparseableEventException e) {
            ctx.output(
                    REJECTED,
                    new RejectedRow(
                            envelope.eventId(),
                            envelope.source(),
                            envelope.eventType(),
                            envelope.deliveryId(),
                            envelope.receivedAt(),
                            e.getMessage()));
        }
    }
}
