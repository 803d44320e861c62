package dev.dora.warehouse.catalog;

import dev.dora.events.catalog.CatalogEntry;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one import of catalog files produced. Every non-empty document is counted exactly once:
 * {@code documents == entries.size() + skipped total + rejected}.
 *
 * @param entries the services read, in file order and then document order
 * @param problems why documents (or whole files) were not read, in the same order
 * @param files the files read
 * @param documents the non-empty documents in those files
 * @param skipped documents of kinds that are recognised but not read ({@code Group}, {@code
 *     System}, ...), per kind as written in the file
 * @param rejected documents not read because of a problem
 */
public record CatalogRead(
        List<CatalogEntry> entries,
        List<CatalogProblem> problems,
        int files,
        int documents,
        Map<String, Integer> skipped,
        int rejected) {

    public CatalogRead {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
        skipped = Collections.unmodifiableMap(new TreeMap<>(skipped));
    }
}
