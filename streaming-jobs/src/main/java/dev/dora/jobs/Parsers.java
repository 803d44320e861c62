package dev.dora.jobs;

import dev.dora.events.CanonicalEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.events.catalog.CatalogImport;
import dev.dora.events.survey.SurveyResponseEvent;
import dev.dora.jobs.bitbucket.BitbucketParser;
import dev.dora.jobs.catalog.CatalogRows;
import dev.dora.jobs.cdevents.CdEventsParser;
import dev.dora.jobs.circleci.CircleCiParser;
import dev.dora.jobs.generic.GenericParser;
import dev.dora.jobs.github.GitHubParser;
import dev.dora.jobs.gitlab.GitLabParser;
import dev.dora.jobs.opsgenie.OpsgenieParser;
import dev.dora.jobs.pagerduty.PagerDutyParser;
import dev.dora.jobs.survey.SurveyResponseParser;
import java.util.List;

/** Picks the parser for an envelope's source. */
public final class Parsers {
    private Parsers() {}

    /**
     * @throws UnparseableEventException with the reason, for input that cannot be used
     */
    public static List<CanonicalEvent> parse(RawEnvelope envelope) {
        return parse(envelope, ParserSettings.defaults());
    }

    /**
     * @throws UnparseableEventException with the reason, for input that cannot be used
     */
    public static List<CanonicalEvent> parse(RawEnvelope envelope, ParserSettings settings) {
        return switch (envelope.source()) {
            case "github" -> GitHubParser.parse(envelope, settings);
            case "gitlab" -> GitLabParser.parse(envelope, settings);
            case "bitbucket" -> BitbucketParser.parse(envelope, settings);
            case "circleci" -> CircleCiParser.parse(envelope, settings);
            case "pagerduty" -> PagerDutyParser.parse(envelope, settings);
            case "opsgenie" -> OpsgenieParser.parse(envelope, settings);
            case "cdevents" -> CdEventsParser.parse(envelope, settings);
            case "generic" -> GenericParser.parse(envelope, settings);
            case SurveyResponseEvent.SOURCE -> SurveyResponseParser.parse(envelope);
            case CatalogImport.SOURCE -> {
                CatalogRows.check(envelope); // rows are written from the envelope (DoraJob)
                yield List.of();
            }
            case EnvelopeDeserializer.INVALID_SOURCE ->
                    throw new UnparseableEventException(
                            envelope.headers().get(EnvelopeDeserializer.DECODE_ERROR_HEADER));
            default ->
                    throw new UnparseableEventException(
                            "no parser for source '" + envelope.source() + "'");
        };
    }
}
