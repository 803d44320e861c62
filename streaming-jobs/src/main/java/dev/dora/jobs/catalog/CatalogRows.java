package dev.dora.jobs.catalog;

import dev.dora.events.RawEnvelope;
import dev.dora.events.catalog.CatalogEntry;
import dev.dora.events.catalog.CatalogImport;
import dev.dora.events.catalog.CatalogImportCodec;
import dev.dora.jobs.UnparseableEventException;
import dev.dora.jobs.facts.CatalogServiceRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Catalog imports (source {@code catalog}) to {@code catalog_services} rows. The catalog makes no
 * canonical event: {@link #check} is the parser's part (a body that does not decode goes to the
 * dead letter with the reason), and {@link #rows} writes the rows of a body that does.
 */
public final class CatalogRows {
    private CatalogRows() {}

    /**
     * @throws UnparseableEventException for an envelope that is not a catalog import
     */
    public static void check(RawEnvelope envelope) {
        if (!CatalogImport.EVENT_TYPE.equals(envelope.eventType())) {
            throw new UnparseableEventException(
                    "unknown catalog event type '" + envelope.eventType() + "'");
        }
        try {
            CatalogImportCodec.decode(envelope.body());
        } catch (RuntimeException e) {
            throw new UnparseableEventException(e.getMessage());
        }
    }

    /** The rows of a catalog import; none for anything else (the parser rejected it). */
    public static List<CatalogServiceRow> rows(RawEnvelope envelope) {
        if (!CatalogImport.SOURCE.equals(envelope.source())) {
            return List.of();
        }
        CatalogImport i;
        try {
            check(envelope);
            i = CatalogImportCodec.decode(envelope.body());
        } catch (RuntimeException e) {
            return List.of(); // in rejected_events, with the reason, through the parser
        }
        List<CatalogServiceRow> rows = new ArrayList<>();
        for (CatalogEntry e : i.entries()) {
            rows.add(
                    new CatalogServiceRow(
                            i.importId(),
                            i.importedAt(),
                            e.service(),
                            e.team(),
                            e.system(),
                            e.lifecycle(),
                            e.sourceTemplate(),
                            joined(e.githubRepos()),
                            joined(e.gitlabProjects()),
                            joined(e.pathPrefixes()),
                            joined(e.pagerdutyServices()),
                            e.opsgenieTeam(),
                            e.productionPattern(),
                            envelope.eventId()));
        }
        return rows;
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }
}
