package dev.dora.warehouse;

import java.util.Locale;

/**
 * What can be exported ({@code GET /api/v1/export/{dataset}.{format}} and {@code dora export}): the
 * dataset, each a named query {@code sql/export_<dataset>.sql}, and the file format.
 */
public final class Export {
    private Export() {}

    /** The exported tables; their columns are listed in SCHEMAS.md. */
    public enum Dataset {
        DEPLOYMENTS,
        CHANGES,
        INCIDENTS,
        SUMMARY;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        String sql() {
            return "export_" + id();
        }

        /**
         * @throws IllegalArgumentException naming the datasets there are
         */
        public static Dataset parse(String s) {
            for (Dataset d : values()) {
                if (d.id().equals(s)) {
                    return d;
                }
            }
            throw new IllegalArgumentException(
                    "unknown dataset '"
                            + s
                            + "': choose deployments, changes, incidents or summary");
        }
    }

    /** File formats, each with its media type. */
    public enum Format {
        CSV("text/csv; charset=utf-8"),
        JSON("application/json"),
        PARQUET("application/vnd.apache.parquet");

        private final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String mediaType() {
            return mediaType;
        }

        /**
         * @throws IllegalArgumentException naming the formats there are
         */
        public static Format parse(String s) {
            for (Format f : values()) {
                if (f.id().equals(s)) {
                    return f;
                }
            }
            throw new IllegalArgumentException(
                    "unknown format '" + s + "': choose csv, json or parquet");
        }
    }
}
