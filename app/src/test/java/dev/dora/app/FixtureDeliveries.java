package dev.dora.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A file of the shared corpus delivered as its vendor would send it: its exact bytes to {@code
 * /webhooks/<source>}, a credential computed here from those bytes, the header the source keeps its
 * event type in, and a delivery id where the source sends one. The facts per source are in {@code
 * shared/fixtures/README.md}, "Signing and delivery headers per source".
 */
final class FixtureDeliveries {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** GitLab's {@code X-Gitlab-Event} for a body's {@code object_kind} (job events: build). */
    private static final Map<String, String> GITLAB_EVENTS =
            Map.of(
                    "push", "Push Hook",
                    "tag_push", "Tag Push Hook",
                    "merge_request", "Merge Request Hook",
                    "pipeline", "Pipeline Hook",
                    "build", "Job Hook",
                    "deployment", "Deployment Hook",
                    "release", "Release Hook");

    /** The README's notes column gives the {@code X-Event-Key} each Bitbucket file goes with. */
    private static final Pattern EVENT_KEY = Pattern.compile("X-Event-Key: ([a-z_]+:[a-z_]+)");

    private final Path root;
    private final String readme;

    FixtureDeliveries(Path root) {
        this.root = root;
        try {
            this.readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The webhook source a corpus file belongs to, by its directory; null for a file under none.
     */
    static String source(String path) {
        int slash = path.indexOf('/');
        String dir = slash < 0 ? "" : path.substring(0, slash);
        return switch (dir) {
            case "github", "gitlab", "circleci", "opsgenie", "cdevents" -> dir;
            case "bitbucket-cloud" -> "bitbucket";
            case "pagerduty" ->
                    path.startsWith("pagerduty/v3/") && path.endsWith(".json") ? "pagerduty" : null;
            default -> null;
        };
    }

    byte[] bytes(String path) {
        try {
            return Files.readAllBytes(root.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The signed POST of a corpus file. {@code deliveryId} goes into the source's delivery header
     * (GitHub, GitLab, Bitbucket, PagerDuty); CircleCI's id is in the body, CDEvents' is {@code
     * ce-source} + {@code ce-id}, and Opsgenie sends none (ingest uses the body's hash).
     */
    HttpRequest request(URI base, String path, String deliveryId) {
        String source = source(path);
        byte[] body = bytes(path);
        String secret = RecordingIngest.secret(source);
        HttpRequest.Builder post =
                HttpRequest.newBuilder(base.resolve("/webhooks/" + source))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        switch (source) {
            case "github" ->
                    post.header("X-Hub-Signature-256", "sha256=" + hmacSha256Hex(secret, body))
                            .header("X-GitHub-Event", path.split("/")[1])
                            .header("X-GitHub-Delivery", deliveryId);
            case "gitlab" ->
                    post.header("X-Gitlab-Token", secret)
                            .header("X-Gitlab-Event", gitlabEvent(path, body))
                            .header("Idempotency-Key", deliveryId);
            case "bitbucket" ->
                    post.header("X-Hub-Signature", "sha256=" + hmacSha256Hex(secret, body))
                            .header("X-Event-Key", bitbucketEventKey(path))
                            .header("X-Request-UUID", deliveryId);
            case "circleci" ->
                    post.header("circleci-signature", "v1=" + hmacSha256Hex(secret, body))
                            .header("circleci-event-type", text(json(path, body), "type", path));
            case "pagerduty" ->
                    post.header("X-PagerDuty-Signature", "v1=" + hmacSha256Hex(secret, body))
                            .header("X-Webhook-Id", deliveryId);
            case "opsgenie" -> post.header("Authorization", "Bearer " + secret);
            case "cdevents" -> {
                // Binary mode: the CloudEvent's attributes in ce-* headers, the CDEvent as body.
                JsonNode context = json(path, body).path("context");
                post.header("Authorization", "Bearer " + secret)
                        .header("ce-specversion", "1.0")
                        .header("ce-id", text(context, "id", path))
                        .header("ce-source", text(context, "source", path))
                        .header("ce-type", text(context, "type", path));
            }
            default -> throw new AssertionError(path + ": no webhook source");
        }
        return post.build();
    }

    private static String gitlabEvent(String path, byte[] body) {
        String kind = text(json(path, body), "object_kind", path);
        String event = GITLAB_EVENTS.get(kind);
        if (event == null) {
            throw new AssertionError(
                    path + ": no X-Gitlab-Event known for object_kind '" + kind + "'");
        }
        return event;
    }

    private String bitbucketEventKey(String path) {
        for (String line : readme.split("\n")) {
            if (line.startsWith("| `" + path + "` |")) {
                Matcher m = EVENT_KEY.matcher(line);
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        throw new AssertionError(path + ": the fixtures README names no X-Event-Key for it");
    }

    private static JsonNode json(String path, byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(path + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field, String path) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new AssertionError(
                    path + ": no text field '" + field + "' to take a header from");
        }
        return value.asText();
    }

    static String hmacSha256Hex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
