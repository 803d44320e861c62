package dev.dora.warehouse.catalog;

/**
 * Why one document of a catalog file was not read, precise enough to fix it without opening a
 * debugger: the file, the document's number within it and the field.
 *
 * @param file the file as it was named to the reader (relative to the imported directory)
 * @param document the document's number within the file, from 1; 0 for the file as a whole
 * @param message what is wrong, naming the field, e.g. {@code metadata.name is missing}
 */
public record CatalogProblem(String file, int document, String message) {

    /** {@code file, document N: message}, or {@code file: message} for the whole file. */
    @Override
    public String toString() {
        return document == 0
                ? file + ": " + message
                : file + ", document " + document + ": " + message;
    }
}
