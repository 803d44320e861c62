package dev.dora.warehouse;

import java.time.LocalDate;

/** One bucket of a trend: deployments finished in it and lead time of changes first deployed. */
public record TrendPoint(
        LocalDate start,
        long deployments,
        long failedAttempts,
        long changes,
        Double leadTimeMedianSeconds,
        Double leadTimeP90Seconds) {}
