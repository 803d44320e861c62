package dev.dora.warehouse;

/** The figures {@code GET /api/v1/dora} reports, as the warehouse computes them. */
public record DoraSummary(
        Period period,
        long deployments,
        long failedAttempts,
        long weeksWithDeployments,
        long leadTimeChanges,
        Double leadTimeMedianSeconds,
        Double leadTimeP90Seconds,
        long negativeLeadTimes,
        long deploymentsWithoutChanges,
        long changesWithoutTimestamp) {

    public double deploymentsPerDay() {
        return (double) deployments / period.days();
    }

    public double deploymentsPerWeek() {
        return deployments * 7.0 / period.days();
    }
}
