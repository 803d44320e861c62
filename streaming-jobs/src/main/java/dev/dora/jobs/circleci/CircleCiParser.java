package dev.dora.jobs.circleci;

import static dev.dora.jobs.JsonPaths.at;
import static dev.dora.jobs.JsonPaths.requiredText;
import static dev.dora.jobs.JsonPaths.requiredTime;
import static dev.dora.jobs.JsonPaths.text;
import static dev.dora.jobs.JsonPaths.time;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dora.events.CanonicalEvent;
import dev.dora.events.DeploymentStatusEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.jobs.JsonPaths;
import dev.dora.jobs.ParserSettings;
import dev.dora.jobs.UnparseableEventException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CircleCI outbound webhooks to canonical events: a pure function of the envelope. A {@code
 * workflow-completed} event of a deploy workflow ({@link ParserSettings#isDeployWorkflow}) is one
 * final status of a deployment attempt, the workflow run; {@code job-completed} events and other
 * workflows yield nothing. The rules (repository, environment, status) are in {@code README.md}
 * beside this class.
 */
public final class CircleCiParser {
    static final String EVENT_TYPE_HEADER = "circleci-event-type";

    /** CircleCI's terminal workflow statuses to canonical final statuses. */
    private static final Map<String, String> STATUSES =
            Map.of(
                    "success", "success",
                    "failed", "failure",
                    "error", "error",
                    "canceled", "error",
                    "unauthorized", "error");

    /**
     * Words in a workflow name that name a non-production environment. {@code test} is left out on
     * purpose: {@code build-test-deploy} is the classic name of a production pipeline.
     */
    private static final Map<String, String> ENVIRONMENT_WORDS =
            Map.ofEntries(
                    Map.entry("staging", "staging"),
                    Map.entry("stage", "staging"),
                    Map.entry("stg", "staging"),
                    Map.entry("preprod", "preprod"),
                    Map.entry("qa", "qa"),
                    Map.entry("uat", "uat"),
                    Map.entry("dev", "development"),
                    Map.entry("develop", "development"),
                    Map.entry("development", "development"),
                    Map.entry("sandbox", "sandbox"),
                    Map.entry("preview", "preview"));

    private static final String PRODUCTION = "production";
    private static final Pattern CAMEL_CASE_BOUNDARY = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern PRE_PROD = Pattern.compile("\\bpre[-_ .]?prod(uction)?\\b");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private CircleCiParser() {}

    public static List<CanonicalEvent> parse(RawEnvelope envelope) {
        return parse(envelope, ParserSettings.defaults());
    }

    public static List<CanonicalEvent> parse(RawEnvelope envelope, ParserSettings settings) {
        JsonNode root = JsonPaths.object(envelope);
        String eventType = header(envelope, EVENT_TYPE_HEADER);
        if (eventType == null) {
            eventType = text(root, "type");
        }
        if (eventType == null) {
            throw new UnparseableEventException(
                    "missing field 'type' (and no " + EVENT_TYPE_HEADER + " header)");
        }
        if (!eventType.equals("workflow-completed")) {
            return List.of(); // job-completed: the workflow is the deployment attempt
        }
        String workflowName = requiredText(root, "workflow.name");
        if (!settings.isDeployWorkflow(workflowName)) {
            return List.of();
        }
        Revision revision = revision(root);
        Instant statusAt = time(root, "workflow.stopped_at");
        if (statusAt == null) {
            statusAt = requiredTime(root, "happened_at");
        }
        DeploymentStatusEvent deployment =
                new DeploymentStatusEvent(
                        envelope.source(),
                        requiredText(root, "workflow.id"),
                        revision.repo(),
                        revision.sha(),
                        revision.ref(),
                        environment(workflowName),
                        status(requiredText(root, "workflow.status")),
                        requiredTime(root, "workflow.created_at"),
                        statusAt,
                        null,
                        workflowName,
                        null,
                        null);
        return List.of(CanonicalEvent.of(envelope.eventId(), revision.repo(), deployment));
    }

    /**
     * The environment a workflow deploys to, from its name: the first word (split on separators and
     * camelCase) that names a non-production environment, else {@code production}.
     */
    static String environment(String workflowName) {
        String words = CAMEL_CASE_BOUNDARY.matcher(workflowName).replaceAll(" ");
        words = PRE_PROD.matcher(words.toLowerCase(Locale.ROOT)).replaceAll("preprod");
        for (String word : NOT_ALPHANUMERIC.split(words)) {
            String environment = ENVIRONMENT_WORDS.get(word);
            if (environment != null) {
                return environment;
            }
        }
        return PRODUCTION;
    }

    private static String status(String circleCiStatus) {
        String status = STATUSES.get(circleCiStatus.toLowerCase(Locale.ROOT));
        if (status == null) {
            throw new UnparseableEventException(
                    "field 'workflow.status' is not a terminal status: " + circleCiStatus);
        }
        return status;
    }

    private record Revision(String repo, String sha, String ref) {}

    /**
     * What was built. GitHub OAuth and Bitbucket Cloud projects send {@code pipeline.vcs}; GitLab,
     * GitHub App and Bitbucket Data Center projects send {@code pipeline.trigger_parameters}
     * instead, with a provider-neutral {@code git} map and a provider map (named {@code gitlab} in
     * CircleCI's samples, whatever the provider).
     */
    private static Revision revision(JsonNode root) {
        JsonNode vcs = at(root, "pipeline.vcs");
        if (vcs.isObject()) {
            // The target repository builds the commit; the origin differs only for a fork's PR.
            String urlField = "pipeline.vcs.target_repository_url";
            if (text(root, urlField) == null) {
                urlField = "pipeline.vcs.origin_repository_url";
            }
            return new Revision(
                    RepositoryUrls.fullName(requiredText(root, urlField), urlField),
                    requiredText(root, "pipeline.vcs.revision"),
                    firstText(root, "pipeline.vcs.branch", "pipeline.vcs.tag"));
        }
        JsonNode params = at(root, "pipeline.trigger_parameters");
        if (!params.isObject()) {
            throw new UnparseableEventException(
                    "missing field 'pipeline.vcs' (or 'pipeline.trigger_parameters')");
        }
        String provider = providerMap(params);
        String p = "pipeline.trigger_parameters.";
        String urlField = null;
        String url = null;
        for (String field :
                List.of("git.checkout_url", provider + ".web_url", provider + ".repo_url")) {
            url = text(params, field);
            if (url != null) {
                urlField = p + field;
                break;
            }
        }
        if (url == null) {
            throw new UnparseableEventException("missing field '" + p + "git.checkout_url'");
        }
        String sha = firstText(params, "git.checkout_sha", provider + ".checkout_sha");
        if (sha == null) {
            throw new UnparseableEventException("missing field '" + p + "git.checkout_sha'");
        }
        return new Revision(
                RepositoryUrls.fullName(url, urlField),
                sha,
                firstText(params, "git.branch", "git.tag", provider + ".branch"));
    }

    /** The name of the provider's own map in the trigger parameters, or a name that is absent. */
    private static String providerMap(JsonNode params) {
        for (var it = params.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.equals("git") && !name.equals("circleci") && params.get(name).isObject()) {
                return name;
            }
        }
        return "gitlab";
    }

    private static String firstText(JsonNode root, String... paths) {
        for (String path : paths) {
            String s = text(root, path);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private static String header(RawEnvelope envelope, String name) {
        for (Map.Entry<String, String> h : envelope.headers().entrySet()) {
            if (h.getKey().equalsIgnoreCase(name) && !h.getValue().isBlank()) {
                return h.getValue().trim();
            }
        }
        return null;
    }
}
