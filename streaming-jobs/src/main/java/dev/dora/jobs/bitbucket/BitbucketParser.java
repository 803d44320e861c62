package dev.dora.jobs.bitbucket;

import static dev.dora.jobs.PayloadJson.optionalText;
import static dev.dora.jobs.PayloadJson.required;
import static dev.dora.jobs.PayloadJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dora.events.CanonicalEvent;
import dev.dora.events.Commit;
import dev.dora.events.PullRequestEvent;
import dev.dora.events.PushEvent;
import dev.dora.events.RawEnvelope;
import dev.dora.jobs.ParserSettings;
import dev.dora.jobs.PayloadJson;
import dev.dora.jobs.UnparseableEventException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Bitbucket Cloud webhooks to canonical events: a pure function of the envelope, chosen by the
 * {@code X-Event-Key} header (the envelope's event type).
 *
 * <ul>
 *   <li>{@code repo:push}: one {@link PushEvent} per entry of {@code push.changes} whose {@code
 *       new.type} is {@code branch} (tags, and deleted branches with no {@code new}, move no
 *       branch). {@code before} is all zeros when the branch was created ({@code old} is null).
 *       Bitbucket lists the commits newest first, at most five with {@code truncated} set beyond;
 *       they are reversed to oldest first. It does not say when the push happened: {@code pushedAt}
 *       is the receive time.
 *   <li>{@code pullrequest:created}, {@code :fulfilled} (merged), {@code :rejected} (declined): a
 *       {@link PullRequestEvent} {@code opened}, {@code merged} or {@code closed}; a merged or
 *       declined request ended at its {@code updated_on}. Bitbucket abbreviates the source head and
 *       the merge commit to 12 hex digits; they are kept as sent.
 *   <li>everything else (commit statuses, comments, approvals, {@code pullrequest:updated}...): no
 *       event; the envelope stays in the raw archive.
 * </ul>
 *
 * <p>The default branch is {@code repository.mainbranch.name}. Bitbucket's webhook repository
 * object usually omits it (the corpus's push does); then {@code defaultBranch} is null, {@link
 * PushEvent#toDefaultBranch()} is false and the push makes no changes until the default branch is
 * known from elsewhere.
 */
public final class BitbucketParser {
    static final String ZEROS = "0".repeat(40);

    private BitbucketParser() {}

    public static List<CanonicalEvent> parse(RawEnvelope envelope) {
        return parse(envelope, ParserSettings.defaults());
    }

    /**
     * @throws UnparseableEventException naming the field, for input that cannot be used
     */
    public static List<CanonicalEvent> parse(RawEnvelope envelope, ParserSettings settings) {
        return switch (envelope.eventType()) {
            case "repo:push" -> push(envelope, PayloadJson.object(envelope));
            case "pullrequest:created" -> pullRequest(envelope, "opened");
            case "pullrequest:fulfilled" -> pullRequest(envelope, "merged");
            case "pullrequest:rejected" -> pullRequest(envelope, "closed");
            default -> List.of();
        };
    }

    private static List<CanonicalEvent> push(RawEnvelope envelope, JsonNode root) {
        String repo = text(root, "repository.full_name");
        String defaultBranch = optionalText(root, "repository.mainbranch.name");
        JsonNode changes = required(root, "push.changes");
        List<CanonicalEvent> events = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            JsonNode change = changes.get(i);
            String where = "push.changes[" + i + "].";
            if (!"branch".equals(optionalText(change, "new.type"))) {
                continue;
            }
            String before =
                    change.path("old").isObject() ? text(change, where, "old.target.hash") : ZEROS;
            List<Commit> commits = new ArrayList<>();
            int j = 0;
            for (JsonNode c : change.path("commits")) {
                String at = where + "commits[" + j++ + "].";
                commits.add(new Commit(text(c, at, "hash"), time(c, at, "date")));
            }
            Collections.reverse(commits);
            PushEvent push =
                    new PushEvent(
                            envelope.source(),
                            repo,
                            text(change, where, "new.name"),
                            defaultBranch,
                            before,
                            text(change, where, "new.target.hash"),
                            envelope.receivedAt(),
                            commits);
            events.add(CanonicalEvent.of(envelope.eventId(), repo, push));
        }
        return events;
    }

    private static List<CanonicalEvent> pullRequest(RawEnvelope envelope, String action) {
        JsonNode root = PayloadJson.object(envelope);
        String repo = text(root, "repository.full_name");
        JsonNode pr = required(root, "pullrequest");
        String where = "pullrequest.";
        boolean merged = action.equals("merged");
        Instant endedAt = action.equals("opened") ? null : requiredTime(pr, where, "updated_on");
        PullRequestEvent event =
                new PullRequestEvent(
                        envelope.source(),
                        repo,
                        text(pr, where, "id"),
                        action,
                        merged,
                        text(pr, where, "source.branch.name"),
                        text(pr, where, "destination.branch.name"),
                        optionalText(pr, "source.commit.hash"),
                        merged ? optionalText(pr, "merge_commit.hash") : null,
                        requiredTime(pr, where, "created_on"),
                        merged ? endedAt : null,
                        endedAt);
        return List.of(CanonicalEvent.of(envelope.eventId(), repo, event));
    }

    private static Instant requiredTime(JsonNode node, String where, String field) {
        Instant t = time(node, where, field);
        if (t == null) {
            throw new UnparseableEventException("missing time '" + where + field + "'");
        }
        return t;
    }

    /** An ISO-8601 time with offset, in UTC; null when absent. */
    private static Instant time(JsonNode node, String where, String field) {
        String text = optionalText(node, field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnparseableEventException(
                    "time '" + where + field + "' is not ISO-8601 with an offset: " + text);
        }
    }
}
