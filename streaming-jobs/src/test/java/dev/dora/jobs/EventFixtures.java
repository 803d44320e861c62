package dev.dora.jobs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dora.events.CanonicalEvent;
import dev.dora.events.Commit;
import dev.dora.events.DeploymentStatusEvent;
import dev.dora.events.PushEvent;
import dev.dora.events.RawEnvelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Named instants and tiny factories for the streaming-job tests. Every event is for acme/shop. */
public final class EventFixtures {
    public static final String SERVICE = "acme/shop";

    public static final Instant RECEIVED = Instant.parse("2026-03-02T09:00:00Z");
    public static final Instant PUSHED = Instant.parse("2026-03-02T08:00:00Z");
    public static final Instant STAGED = Instant.parse("2026-03-02T09:30:00Z");
    public static final Instant DEPLOYED = Instant.parse("2026-03-02T10:00:00Z");
    public static final Instant DEPLOY_FAILED_NEXT_DAY = Instant.parse("2026-03-03T10:00:00Z");
    public static final Instant DEPLOYED_TWO_DAYS_LATER = Instant.parse("2026-03-04T10:00:00Z");

    /**
     * The files of the first commit of the project's own monorepo pushes ({@code
     * src/test/resources/{github,gitlab}/push/monorepo-paths.json}) as a commit keeps them: sorted,
     * and Refund.java, which those files list as added and as modified, once.
     */
    public static final List<String> REFUNDS_PATHS =
            List.of(
                    "docs/payments, refunds.md",
                    "services/payments/pom.xml",
                    "services/payments/src/OldRefund.java",
                    "services/payments/src/Refund.java");

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventFixtures() {}

    /** A GitHub envelope of the given event type, as ingest would have made it. */
    public static RawEnvelope envelope(String eventType, byte[] body) {
        return new RawEnvelope(
                "evt-1",
                "github",
                eventType,
                "delivery-1",
                RECEIVED,
                Map.of("x-github-event", eventType),
                body);
    }

    public static RawEnvelope envelope(String eventType, String body) {
        return envelope(eventType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** An envelope from any source, as ingest would have made it. */
    public static RawEnvelope envelope(
            String source, String eventType, Map<String, String> headers, byte[] body) {
        return new RawEnvelope("evt-1", source, eventType, "delivery-1", RECEIVED, headers, body);
    }

    public static RawEnvelope envelope(
            String source, String eventType, Map<String, String> headers, String body) {
        return envelope(source, eventType, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The JSON object {@code json} without the field at {@code pointer} (e.g. {@code /a/b}). */
    public static String withoutField(String json, String pointer) {
        try {
            JsonNode root = JSON.readTree(json);
            JsonPointer p = JsonPointer.compile(pointer);
            JsonNode parent = root.at(p.head());
            if (!(parent instanceof ObjectNode o)
                    || o.remove(p.last().getMatchingProperty()) == null) {
                throw new IllegalArgumentException("no field " + pointer + " in the test body");
            }
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("test body is not JSON", e);
        }
    }

    /** The files of a corpus folder, by name. */
    public static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** A GitHub push delivery with the given delivery id (the deduplication key). */
    public static RawEnvelope delivery(String deliveryId) {
        return new RawEnvelope(
                "evt-" + deliveryId,
                "github",
                "push",
                deliveryId,
                RECEIVED,
                Map.of(),
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    /** A push to the default branch of acme/shop; its head after the push is the last sha. */
    public static CanonicalEvent push(String before, String... shas) {
        List<Commit> commits = Arrays.stream(shas).map(sha -> new Commit(sha, PUSHED)).toList();
        return CanonicalEvent.of(
                "evt-push-" + shas[shas.length - 1],
                SERVICE,
                new PushEvent(
                        "github",
                        SERVICE,
                        "main",
                        "main",
                        before,
                        shas[shas.length - 1],
                        PUSHED,
                        commits));
    }

    /** A status of deployment {@code id} of acme/shop, reported at {@code at}. */
    public static CanonicalEvent deployment(
            String id, String environment, String status, String sha, Instant at) {
        return CanonicalEvent.of(
                "evt-deploy-" + id + "-" + status,
                SERVICE,
                new DeploymentStatusEvent(
                        "github",
                        id,
                        SERVICE,
                        sha,
                        "main",
                        environment,
                        status,
                        at.minusSeconds(60),
                        at));
    }

    /**
     * The shared webhook corpus: system property {@code dora.fixtures} (set by surefire), else
     * {@code ../../shared/fixtures} from the module directory. Skips the calling test, naming the
     * path, when the folder is absent.
     */
    public static Path sharedFixtures(String subdirectory) {
        String configured = System.getProperty("dora.fixtures");
        Path root =
                configured != null && !configured.isBlank()
                        ? Path.of(configured)
                        : Path.of("../../shared/fixtures");
        Path dir = root.resolve(subdirectory).toAbsolutePath().normalize();
        assumeTrue(
                Files.isDirectory(dir),
                "shared fixtures not found at " + dir + ": skipping tests on the webhook corpus");
        return dir;
    }
}
