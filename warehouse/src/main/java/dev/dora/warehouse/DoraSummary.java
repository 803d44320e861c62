package dev.dora.warehouse;

/**
 * The figures {@code GET /api/v1/dora} reports, as the warehouse computes them (METRICS.md).
 * Medians are null when there is nothing to take the median of.
 */
public record DoraSummary(
        Period period,
        long deployments,
        long failedAttempts,
        long weeksWithDeployments,
        long leadTimeChanges,
        Double leadTimeMedianSeconds,
        Double leadTimeP90Seconds,
        long negativeLeadTimes,
        long changesWithoutTimestamp,
        long failedDeployments,
        Double recoveryMedianSeconds,
        long unrecoveredFailures,
        long restoredIncidents,
        Double restoreMedianSeconds,
        long unplannedDeployments,
        long deploymentsWithoutChanges,
        long unattributedIncidents) {

    public double deploymentsPerDay() {
        return (double) deployments / period.days();
    }

    public double deploymentsPerWeek() {
        return deployments * 7.0 / period.days();
    }

    /** Failed deployments ÷ successful deployments; null without deployments. */
    public Double changeFailureRate() {
        return deployments == 0 ? null : (double) failedDeployments / deployments;
    }

    /** Unplanned deployments ÷ successful deployments; null without deployments. */
    public Double reworkRate() {
        return deployments == 0 ? null : (double) unplannedDeployments / deployments;
    }
}
