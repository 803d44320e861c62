package dev.dora.jobs;

import java.util.Objects;

/**
 * How the production job connects: the Kafka cluster it reads and the warehouse path it writes (a
 * local directory, or any file system URI Flink can write).
 */
public record StreamingConfig(
        String kafkaBootstrap, String groupId, String warehouse, JobSettings settings) {
    public StreamingConfig {
        Objects.requireNonNull(kafkaBootstrap, "kafka bootstrap servers");
        Objects.requireNonNull(groupId, "consumer group id");
        Objects.requireNonNull(warehouse, "warehouse path");
        Objects.requireNonNull(settings, "job settings");
    }
}
