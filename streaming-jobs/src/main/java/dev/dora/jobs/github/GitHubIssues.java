package dev.dora.jobs.github;

import static dev.dora.jobs.github.GitHubJson.optionalTime;
import static dev.dora.jobs.github.GitHubJson.required;
import static dev.dora.jobs.github.GitHubJson.requiredText;
import static dev.dora.jobs.github.GitHubJson.text;
import static dev.dora.jobs.github.GitHubJson.time;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dora.events.CanonicalEvent;
import dev.dora.events.IncidentEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.jobs.ParserSettings;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitHub {@code issues} event of an issue labelled as incident ({@link
 * ParserSettings#isIncidentLabel}) to an {@link IncidentEvent} with id {@code <repo>#<number>}. The
 * body may name the cause explicitly, each on a line of its own: {@code root cause: <sha>} and
 * {@code deployment: <deployment id>}. Issues without the label yield nothing.
 */
final class GitHubIssues {
    static final Pattern ROOT_CAUSE =
            Pattern.compile("(?im)^\\s*root cause:\\s*([0-9a-f]{7,40})\\b");
    // Blanks only (not \s), so a "Deployment:" heading does not take the next line's first word.
    static final Pattern DEPLOYMENT = Pattern.compile("(?im)^[ \\t]*deployment:[ \\t]*(\\S+)");

    private GitHubIssues() {}

    static List<CanonicalEvent> parse(RawEnvelope envelope, ParserSettings settings) {
        JsonNode root = GitHubJson.object(envelope);
        JsonNode issue = required(root, "issue");
        if (!isIncident(issue, settings)) {
            return List.of();
        }
        String repo = GitHubJson.repo(root);
        boolean closed = "closed".equalsIgnoreCase(text(issue, "state"));
        Instant updatedAt = time(issue.get("updated_at"), "issue.updated_at");
        // A reopened issue still carries its earlier closed_at: it is open again, not resolved.
        Instant resolvedAt = null;
        if (closed) {
            resolvedAt = optionalTime(issue.get("closed_at"), "issue.closed_at");
            resolvedAt = resolvedAt == null ? updatedAt : resolvedAt;
        }
        String body = text(issue, "body");
        String sha = firstGroup(ROOT_CAUSE, body);
        IncidentEvent event =
                new IncidentEvent(
                        envelope.source(),
                        repo + "#" + requiredText(issue, "number"),
                        repo,
                        text(issue, "title"),
                        closed ? IncidentEvent.RESOLVED : IncidentEvent.OPEN,
                        null,
                        time(issue.get("created_at"), "issue.created_at"),
                        resolvedAt,
                        firstGroup(DEPLOYMENT, body),
                        sha == null ? null : sha.toLowerCase(Locale.ROOT),
                        updatedAt);
        return List.of(CanonicalEvent.of(envelope.eventId(), repo, event));
    }

    private static boolean isIncident(JsonNode issue, ParserSettings settings) {
        for (JsonNode label : issue.path("labels")) {
            if (settings.isIncidentLabel(text(label, "name"))) {
                return true;
            }
        }
        return false;
    }

    private static String firstGroup(Pattern pattern, String text) {
        if (text == null) {
            return null;
        }
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
