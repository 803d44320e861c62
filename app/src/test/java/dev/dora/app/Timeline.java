package dev.dora.app;

import dev.dora.ingest.github.GitHubSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Hand-written GitHub webhooks for small timelines, and a client that posts them signed. Times read
 * like a story: {@code at("2026-03-02T10:00:00Z")}.
 */
final class Timeline {
    static final String ZERO = "0".repeat(40);
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String secret;

    Timeline(String baseUrl, String secret) {
        this.baseUrl = baseUrl;
        this.secret = secret;
    }

    static String sha(char c) {
        return String.valueOf(c).repeat(40);
    }

    /** A push to main of commits (sha, commit time), oldest first. */
    static String push(String repo, String before, String... shaAndTime) {
        StringBuilder commits = new StringBuilder();
        for (int i = 0; i < shaAndTime.length; i += 2) {
            if (i > 0) {
                commits.append(',');
            }
            commits.append("{\"id\":\"")
                    .append(shaAndTime[i])
                    .append("\",\"timestamp\":\"")
                    .append(shaAndTime[i + 1])
                    .append("\",\"message\":\"work\"}");
        }
        String after = shaAndTime[shaAndTime.length - 2];
        return "{\"ref\":\"refs/heads/main\",\"before\":\""
                + before
                + "\",\"after\":\""
                + after
                + "\",\"commits\":["
                + commits
                + "],\"repository\":{\"full_name\":\""
                + repo
                + "\",\"default_branch\":\"main\"}}";
    }

    /** A push to another branch than main (the work of a pull request). */
    static String branchPush(String repo, String branch, String... shaAndTime) {
        return push(repo, ZERO, shaAndTime)
                .replace("\"ref\":\"refs/heads/main\"", "\"ref\":\"refs/heads/" + branch + "\"");
    }

    /** A pull request closed as merged into main, landing as {@code mergeSha}. */
    static String mergedPullRequest(
            String repo,
            int number,
            String branch,
            String mergeSha,
            String createdAt,
            String mergedAt) {
        return "{\"action\":\"closed\",\"number\":"
                + number
                + ",\"pull_request\":{\"number\":"
                + number
                + ",\"merged\":true,\"merge_commit_sha\":\""
                + mergeSha
                + "\",\"created_at\":\""
                + createdAt
                + "\",\"merged_at\":\""
                + mergedAt
                + "\",\"closed_at\":\""
                + mergedAt
                + "\",\"head\":{\"ref\":\""
                + branch
                + "\",\"sha\":\"0000000000000000000000000000000000000001\"},"
                + "\"base\":{\"ref\":\"main\"}},"
                + "\"repository\":{\"full_name\":\""
                + repo
                + "\",\"default_branch\":\"main\"}}";
    }

    /** A deployment status deployed from a ref other than main (a hotfix branch, say). */
    static String deploymentStatus(
            String repo,
            long id,
            String sha,
            String environment,
            String state,
            String at,
            String ref) {
        return deploymentStatus(repo, id, sha, environment, state, at)
                .replace("\"ref\":\"main\"", "\"ref\":\"" + ref + "\"");
    }

    static String deploymentStatus(
            String repo, long id, String sha, String environment, String state, String at) {
        return "{\"action\":\"created\",\"deployment_status\":{\"id\":"
                + id * 10
                + ",\"state\":\""
                + state
                + "\",\"environment\":\""
                + environment
                + "\",\"created_at\":\""
                + at
                + "\"},\"deployment\":{\"id\":"
                + id
                + ",\"sha\":\""
                + sha
                + "\",\"ref\":\"main\",\"environment\":\""
                + environment
                + "\",\"created_at\":\""
                + Instant.parse(at).minusSeconds(120)
                + "\"},"
                + "\"repository\":{\"full_name\":\""
                + repo
                + "\",\"default_branch\":\"main\"}}";
    }

    /** Posts one generic-API event with the generic bearer secret; returns the status code. */
    int generic(String genericSecret, String json) throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(baseUrl + "/webhooks/generic"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + genericSecret)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** Posts a signed webhook with a fresh delivery id; returns the status code. */
    int send(String event, String body) throws IOException, InterruptedException {
        return send(event, body, UUID.randomUUID().toString());
    }

    int send(String event, String body, String deliveryId)
            throws IOException, InterruptedException {
        return post(event, body, deliveryId).statusCode();
    }

    /** Posts a signed webhook; the whole answer, for tests that read its body. */
    HttpResponse<String> post(String event, String body, String deliveryId)
            throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(baseUrl + "/webhooks/github"))
                        .header("Content-Type", "application/json")
                        .header("X-GitHub-Event", event)
                        .header("X-GitHub-Delivery", deliveryId)
                        .header("X-Hub-Signature-256", GitHubSignature.sign(secret, bytes))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
