package dev.dora.jobs.changeset;

import static dev.dora.jobs.EventFixtures.DEPLOYED;
import static dev.dora.jobs.EventFixtures.DEPLOYED_TWO_DAYS_LATER;
import static dev.dora.jobs.EventFixtures.DEPLOY_FAILED_NEXT_DAY;
import static dev.dora.jobs.EventFixtures.STAGED;
import static dev.dora.jobs.EventFixtures.deployment;
import static dev.dora.jobs.EventFixtures.push;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dora.events.CanonicalEvent;
import dev.dora.jobs.facts.DeploymentChangeRow;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The linker in a keyed operator harness: pushes and deployment statuses of acme/shop in. */
class ChangeSetLinkerTest {
    private static final Pattern PRODUCTION = Pattern.compile("(?i)^prod(uction)?([-_ ].*)?$");
    private static final Duration CHAIN_TTL = Duration.ofDays(400);

    private KeyedOneInputStreamOperatorTestHarness<String, CanonicalEvent, DeploymentChangeRow>
            harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void successfulProductionDeploymentsCarryTheCommitsSinceThePreviousOne() throws Exception {
        send(push("a0", "a1", "a2"));
        send(push("a2", "b1", "b2"));
        send(deployment("100", "staging", "success", "b1", STAGED));
        send(deployment("101", "production", "success", "b2", DEPLOYED));
        send(push("b2", "c1"));
        send(deployment("102", "production", "success", "c1", DEPLOYED_TWO_DAYS_LATER));

        assertThat(harness.extractOutputValues())
                .containsExactly(
                        // The first production deployment carries its own push only; staging
                        // moved nothing (else it would carry b2 alone).
                        change("101", "b1", DEPLOYED, "evt-deploy-101-success"),
                        change("101", "b2", DEPLOYED, "evt-deploy-101-success"),
                        change("102", "c1", DEPLOYED_TWO_DAYS_LATER, "evt-deploy-102-success"));
    }

    @Test
    void failedProductionDeploymentEmitsNothingAndKeepsTheLastProductionSha() throws Exception {
        send(push("a0", "a1"));
        send(deployment("101", "production", "success", "a1", DEPLOYED));
        send(push("a1", "b1"));
        send(deployment("102", "production", "failure", "b1", DEPLOY_FAILED_NEXT_DAY));
        send(push("b1", "c1"));
        send(deployment("103", "production", "success", "c1", DEPLOYED_TWO_DAYS_LATER));

        assertThat(harness.extractOutputValues())
                .containsExactly(
                        change("101", "a1", DEPLOYED, "evt-deploy-101-success"),
                        // b1 never went live with 102, so 103 carries it.
                        change("103", "b1", DEPLOYED_TWO_DAYS_LATER, "evt-deploy-103-success"),
                        change("103", "c1", DEPLOYED_TWO_DAYS_LATER, "evt-deploy-103-success"));
    }

    @Test
    void changeSetIsComputedFromRestoredState() throws Exception {
        send(push("a0", "a1"));
        send(deployment("101", "production", "success", "a1", DEPLOYED));
        send(push("a1", "b1"));
        OperatorSubtaskState snapshot = harness.snapshot(0, 0);
        harness.close();

        harness = newHarness();
        harness.initializeState(snapshot);
        harness.open();
        send(push("b1", "c1"));
        send(deployment("102", "production", "success", "c1", DEPLOYED_TWO_DAYS_LATER));

        // b1 needs the restored chain and a1 the restored last production sha; without either
        // the deployment would carry c1 alone.
        assertThat(harness.extractOutputValues())
                .containsExactly(
                        change("102", "b1", DEPLOYED_TWO_DAYS_LATER, "evt-deploy-102-success"),
                        change("102", "c1", DEPLOYED_TWO_DAYS_LATER, "evt-deploy-102-success"));
    }

    @Test
    void pushesOlderThanTheChainTimeToLiveAreForgotten() throws Exception {
        harness.setStateTtlProcessingTime(0);
        send(push("a0", "a1"));
        harness.setStateTtlProcessingTime(CHAIN_TTL.plusDays(1).toMillis());
        send(deployment("101", "production", "success", "a1", DEPLOYED));

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    private static KeyedOneInputStreamOperatorTestHarness<
                    String, CanonicalEvent, DeploymentChangeRow>
            newHarness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new ChangeSetLinker(PRODUCTION, CHAIN_TTL)),
                CanonicalEvent::service,
                Types.STRING);
    }

    private void send(CanonicalEvent event) throws Exception {
        harness.processElement(event, 0L);
    }

    private static DeploymentChangeRow change(
            String deploymentId, String sha, Instant deployedAt, String eventId) {
        return new DeploymentChangeRow(
                "github:acme/shop:" + deploymentId,
                "acme/shop@" + sha,
                "acme/shop",
                sha,
                deployedAt,
                eventId);
    }
}
