package dev.dora.warehouse;

import java.time.LocalDate;

/** One bucket (day, week or month) of the trend, computed from the facts of that bucket. */
public record TrendPoint(
        LocalDate start,
        long deployments,
        long failedAttempts,
        long changes,
        Double leadTimeMedianSeconds,
        Double leadTimeP90Seconds,
        long failedDeployments,
        Double recoveryMedianSeconds,
        long unplannedDeployments) {}
