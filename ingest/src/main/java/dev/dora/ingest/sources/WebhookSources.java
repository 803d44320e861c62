package dev.dora.ingest.sources;

import static dev.dora.ingest.sources.Extract.body;
import static dev.dora.ingest.sources.Extract.firstOf;
import static dev.dora.ingest.sources.Extract.header;
import static dev.dora.ingest.sources.Extract.literal;
import static dev.dora.ingest.sources.Extract.orElse;
import static dev.dora.ingest.sources.Extract.required;

import dev.dora.ingest.WebhookException;
import dev.dora.ingest.auth.BearerToken;
import dev.dora.ingest.auth.CircleCiSignature;
import dev.dora.ingest.auth.PagerDutySignature;
import dev.dora.ingest.auth.PrefixedSignature;
import dev.dora.ingest.auth.SharedToken;
import dev.dora.ingest.generic.GenericEventValidator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The eight webhook sources. The event types and delivery ids set here are a contract with the
 * streaming job's parsers (which read {@code eventType}) and its dedupe (on source + delivery id);
 * the facts behind each rule are in {@code shared/fixtures/README.md}.
 */
public final class WebhookSources {
    /** Every source, in the order {@code dora up} lists them. */
    public static final List<String> NAMES =
            List.of(
                    "github",
                    "gitlab",
                    "bitbucket",
                    "circleci",
                    "pagerduty",
                    "opsgenie",
                    "cdevents",
                    "generic");

    private static final Consumer<InboundWebhook> ANY_JSON = w -> {};
    private static final String USER_AGENT = "User-Agent";
    private static final String CONTENT_TYPE = "Content-Type";

    private static final Map<String, WebhookSource> ALL = catalog();

    private WebhookSources() {}

    /** The source of this name, or null when there is none. */
    public static WebhookSource byName(String name) {
        return ALL.get(name);
    }

    /** The environment variable holding a source's secret, e.g. {@code DORA_GITHUB_SECRET}. */
    public static String secretVariable(String source) {
        return "DORA_" + source.toUpperCase(Locale.ROOT) + "_SECRET";
    }

    private static Map<String, WebhookSource> catalog() {
        List<WebhookSource> sources =
                List.of(
                        new WebhookSource(
                                "github",
                                PrefixedSignature.sha256("X-Hub-Signature-256"),
                                required(header("X-GitHub-Event"), "missing X-GitHub-Event header"),
                                header("X-GitHub-Delivery"),
                                List.of(
                                        "X-GitHub-Event",
                                        "X-GitHub-Delivery",
                                        "X-GitHub-Hook-ID",
                                        "X-GitHub-Hook-Installation-Target-ID",
                                        "X-GitHub-Hook-Installation-Target-Type",
                                        "X-GitHub-Enterprise-Version",
                                        "X-GitHub-Enterprise-Host",
                                        USER_AGENT,
                                        CONTENT_TYPE),
                                null,
                                ANY_JSON),
                        new WebhookSource(
                                "gitlab",
                                new SharedToken("X-Gitlab-Token"),
                                required(header("X-Gitlab-Event"), "missing X-Gitlab-Event header"),
                                header("Idempotency-Key", "X-Gitlab-Event-UUID"),
                                List.of(
                                        "X-Gitlab-Event",
                                        "X-Gitlab-Event-UUID",
                                        "Idempotency-Key",
                                        "X-Gitlab-Instance",
                                        "X-Gitlab-Webhook-UUID",
                                        USER_AGENT,
                                        CONTENT_TYPE),
                                null,
                                ANY_JSON),
                        new WebhookSource(
                                "bitbucket",
                                PrefixedSignature.sha256("X-Hub-Signature"),
                                required(header("X-Event-Key"), "missing X-Event-Key header"),
                                header("X-Request-UUID"),
                                List.of(
                                        "X-Event-Key",
                                        "X-Request-UUID",
                                        "X-Hook-UUID",
                                        "X-Attempt-Number",
                                        USER_AGENT,
                                        CONTENT_TYPE),
                                null,
                                ANY_JSON),
                        new WebhookSource(
                                "circleci",
                                new CircleCiSignature(),
                                required(
                                        firstOf(header("circleci-event-type"), body("type")),
                                        "missing circleci-event-type header (and no top-level"
                                                + " \"type\" in the body)"),
                                body("id"),
                                List.of("circleci-event-type", USER_AGENT, CONTENT_TYPE),
                                null,
                                ANY_JSON),
                        new WebhookSource(
                                "pagerduty",
                                new PagerDutySignature(),
                                orElse(body("event", "event_type"), "webhook"),
                                header("X-Webhook-Id"),
                                List.of(
                                        "X-Webhook-Id",
                                        "X-Webhook-Subscription",
                                        USER_AGENT,
                                        CONTENT_TYPE),
                                null,
                                ANY_JSON),
                        new WebhookSource(
                                "opsgenie",
                                new BearerToken(),
                                orElse(body("action"), "webhook"),
                                w -> null, // Opsgenie sends no delivery id: the body hash is used
                                List.of(USER_AGENT, CONTENT_TYPE),
                                null,
                                ANY_JSON),
                        new WebhookSource(
                                "cdevents",
                                new BearerToken(),
                                CloudEvents::type,
                                CloudEvents::deliveryKey,
                                List.of(USER_AGENT, CONTENT_TYPE),
                                "ce-",
                                ANY_JSON),
                        new WebhookSource(
                                "generic",
                                new BearerToken().or(PrefixedSignature.sha256("X-Dora-Signature")),
                                literal("generic"),
                                header("Idempotency-Key"),
                                List.of("Idempotency-Key", USER_AGENT, CONTENT_TYPE),
                                null,
                                WebhookSources::validateGeneric));
        Map<String, WebhookSource> byName = new LinkedHashMap<>();
        sources.forEach(s -> byName.put(s.name(), s));
        return Map.copyOf(byName);
    }

    private static void validateGeneric(InboundWebhook w) {
        List<String> problems = GenericEventValidator.problems(w.json());
        if (!problems.isEmpty()) {
            throw WebhookException.invalid("invalid generic event(s)", problems);
        }
    }
}
