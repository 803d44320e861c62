package dev.dora.jobs.survey;

import dev.dora.events.CanonicalEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.events.survey.SurveyResponseCodec;
import dev.dora.events.survey.SurveyResponseEvent;
import dev.dora.jobs.UnparseableEventException;
import java.util.List;

/**
 * Survey responses (source {@code survey}) to canonical events. The surveys module validated the
 * answers before publishing; this only decodes, so a body that does not decode goes to the dead
 * letter with the reason.
 */
public final class SurveyResponseParser {
    private SurveyResponseParser() {}

    public static List<CanonicalEvent> parse(RawEnvelope envelope) {
        if (!SurveyResponseEvent.EVENT_TYPE.equals(envelope.eventType())) {
            throw new UnparseableEventException(
                    "unknown survey event type '" + envelope.eventType() + "'");
        }
        try {
            return List.of(
                    CanonicalEvent.of(
                            envelope.eventId(), SurveyResponseCodec.decode(envelope.body())));
        } catch (IllegalArgumentException e) {
            throw new UnparseableEventException(e.getMessage());
        }
    }
}
