package dev.dora.events.catalog;

import java.time.Instant;
import java.util.List;

/**
 * One import of the service catalog, as it travels on {@code dora.raw} (source {@value #SOURCE}) to
 * the job that writes {@code catalog_services}. An import adds a version of each service it names,
 * in force from {@code importedAt}; services it does not name keep their last version, so events
 * keep the mapping they had when they happened.
 *
 * @param importId random id of the import (the envelope's delivery id)
 * @param importedAt when the import was taken
 * @param entries the services read
 */
public record CatalogImport(String importId, Instant importedAt, List<CatalogEntry> entries) {
    public static final String SOURCE = "catalog";
    public static final String EVENT_TYPE = "catalog_import";

    public CatalogImport {
        entries = List.copyOf(entries);
    }
}
