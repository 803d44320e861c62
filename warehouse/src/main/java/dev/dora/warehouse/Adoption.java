package dev.dora.warehouse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * The platform-adoption figures of a period and team (METRICS.md, "Platform adoption"): golden-path
 * coverage, the platform pipelines' share of production deployments, time from registration to
 * first production deployment, and the self-service ratio of platform requests. Ratios are rounded
 * to 3 places and null over nothing; seconds are as computed.
 */
public record Adoption(
        Period period,
        String team,
        Coverage coverage,
        PipelineShare pipelines,
        FirstDeployments firstDeployments,
        SelfService selfService) {

    /** Services known, those on a golden path, and their ratio (null when none is known). */
    public record Coverage(long services, long goldenPathServices, Double ratio) {}

    /** Successful production deployments of the period, those through a platform pipeline. */
    public record PipelineShare(long deployments, long platformDeployments, Double ratio) {}

    /** A service registered in the period; {@code firstDeployedAt} and seconds null until then. */
    public record FirstDeployment(
            String service, Instant registeredAt, Instant firstDeployedAt, Double seconds) {}

    /** The services registered in the period, oldest first, and the median over the deployed. */
    public record FirstDeployments(List<FirstDeployment> services, Double medianSeconds) {}

    /** One channel's platform requests of the period. */
    public record Channel(
            String channel, long requests, long fulfilled, Double medianFulfilmentSeconds) {}

    /** Requests per channel ({@code self_service}, {@code ticket}) and the self-service share. */
    public record SelfService(List<Channel> channels) {
        public long requests() {
            return channels.stream().mapToLong(Channel::requests).sum();
        }

        /** Self-service requests ÷ all requests, 3 places; null when there was none. */
        public Double selfServiceShare() {
            long all = requests();
            if (all == 0) {
                return null;
            }
            long self =
                    channels.stream()
                            .filter(c -> c.channel().equals("self_service"))
                            .mapToLong(Channel::requests)
                            .sum();
            return BigDecimal.valueOf(self)
                    .divide(BigDecimal.valueOf(all), 3, RoundingMode.HALF_UP)
                    .doubleValue();
        }
    }
}
