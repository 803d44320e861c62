package dev.dora.warehouse.catalog;

import dev.dora.events.catalog.CatalogEntry;
import dev.dora.warehouse.catalog.ComponentReader.Outcome;
import dev.dora.warehouse.catalog.ComponentReader.Read;
import dev.dora.warehouse.catalog.ComponentReader.Rejected;
import dev.dora.warehouse.catalog.ComponentReader.Skipped;
import dev.dora.warehouse.catalog.YamlDocuments.Document;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads Backstage catalog files ({@code catalog-info.yaml} and any other {@code .yaml} or {@code
 * .yml}) into catalog entries, one per {@code kind: Component} document. A malformed document is
 * reported as a {@link CatalogProblem} and skipped; the rest of its file and of the import are
 * still read. Pure: no storage, no network. What is read and the rules are in README.md beside this
 * class.
 */
public final class BackstageCatalog {
    private final List<CatalogEntry> entries = new ArrayList<>();
    private final List<CatalogProblem> problems = new ArrayList<>();
    private final Map<String, Integer> skipped = new TreeMap<>();

    /** Where each service was first defined, {@code file, document N}: the first one wins. */
    private final Map<String, String> definedAt = new HashMap<>();

    private int files;
    private int documents;
    private int rejected;

    private BackstageCatalog() {}

    /** The entries of one file's text; {@code fileName} is only used to name problems. */
    public static CatalogRead parse(String yaml, String fileName) {
        BackstageCatalog catalog = new BackstageCatalog();
        catalog.file(fileName, yaml);
        return catalog.result();
    }

    /**
     * The entries of every {@code .yaml} and {@code .yml} file under a directory, read in the order
     * of their paths so that the same files always give the same result. Files and folders whose
     * name starts with {@code .} ({@code .git}, {@code .github}) are not read. Problems name files
     * by their path relative to {@code directory}, with {@code /} separators.
     *
     * @throws IllegalArgumentException when {@code directory} is not a directory
     * @throws UncheckedIOException when the directory cannot be listed
     */
    public static CatalogRead read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("catalog path " + directory + " is not a directory");
        }
        BackstageCatalog catalog = new BackstageCatalog();
        for (Path file : catalogFiles(directory)) {
            String name = relativeName(directory, file);
            String text;
            try {
                text = Files.readString(file);
            } catch (MalformedInputException e) {
                catalog.files++;
                catalog.problems.add(new CatalogProblem(name, 0, "not UTF-8 text"));
                continue;
            } catch (IOException e) {
                catalog.files++;
                catalog.problems.add(new CatalogProblem(name, 0, "cannot be read: " + e));
                continue;
            }
            catalog.file(name, text);
        }
        return catalog.result();
    }

    private void file(String name, String text) {
        files++;
        String yaml = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (Document document : YamlDocuments.split(yaml)) {
            if (document.empty()) {
                continue;
            }
            documents++;
            Outcome outcome =
                    document.error() != null
                            ? new Rejected(List.of("not valid YAML: " + document.error()))
                            : ComponentReader.read(document.tree());
            if (outcome instanceof Read read) {
                entry(name, document.number(), read.entry());
            } else if (outcome instanceof Skipped skip) {
                skipped.merge(skip.kind(), 1, Integer::sum);
            } else if (outcome instanceof Rejected rejection) {
                reject(name, document.number(), rejection.problems());
            }
        }
    }

    private void entry(String file, int document, CatalogEntry entry) {
        String here = file + ", document " + document;
        String first = definedAt.putIfAbsent(entry.service(), here);
        if (first == null) {
            entries.add(entry);
        } else {
            reject(
                    file,
                    document,
                    List.of(
                            "metadata.name '"
                                    + entry.service()
                                    + "' is already defined in "
                                    + first
                                    + "; this one is skipped"));
        }
    }

    private void reject(String file, int document, List<String> messages) {
        rejected++;
        for (String message : messages) {
            problems.add(new CatalogProblem(file, document, message));
        }
    }

    private CatalogRead result() {
        return new CatalogRead(entries, problems, files, documents, skipped, rejected);
    }

    private static List<Path> catalogFiles(Path directory) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(
                    directory,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(
                                Path dir, BasicFileAttributes attributes) {
                            return !dir.equals(directory) && hidden(dir)
                                    ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(
                                Path file, BasicFileAttributes attributes) {
                            String name = file.getFileName().toString();
                            if (attributes.isRegularFile()
                                    && !hidden(file)
                                    && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
                                found.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list catalog directory " + directory, e);
        }
        found.sort((a, b) -> relativeName(directory, a).compareTo(relativeName(directory, b)));
        return found;
    }

    private static boolean hidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    private static String relativeName(Path directory, Path file) {
        return directory
                .relativize(file)
                .toString()
                .replace(file.getFileSystem().getSeparator(), "/");
    }
}
