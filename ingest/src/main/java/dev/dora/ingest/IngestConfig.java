package dev.dora.ingest;

import java.util.Map;

/**
 * Everything ingest needs, read once at start-up.
 *
 * @param secrets webhook secret per source name (never logged)
 * @param maxBodyBytes largest accepted body (GitHub caps payloads at 25 MiB)
 */
public record IngestConfig(Map<String, String> secrets, long maxBodyBytes) {
    public static final long DEFAULT_MAX_BODY_BYTES = 25L * 1024 * 1024;

    public IngestConfig {
        secrets = Map.copyOf(secrets);
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("ingest max body size must be positive");
        }
    }

    @Override
    public String toString() {
        return "IngestConfig[sources=" + secrets.keySet() + ", maxBodyBytes=" + maxBodyBytes + "]";
    }
}
