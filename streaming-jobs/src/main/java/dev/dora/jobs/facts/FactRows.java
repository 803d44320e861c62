package dev.dora.jobs.facts;

import dev.dora.events.CanonicalEvent;
import dev.dora.events.Commit;
import dev.dora.events.DeploymentStatusEvent;
import dev.dora.events.IncidentEvent;
import dev.dora.events.PlatformRequestEvent;
import dev.dora.events.PullRequestEvent;
import dev.dora.events.PushEvent;
import dev.dora.events.ServiceCreatedEvent;
import dev.dora.events.survey.SurveyAnswer;
import dev.dora.events.survey.SurveyResponseEvent;
import dev.dora.jobs.JobSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Canonical events to fact rows: pure functions of one event, so that the rows, and every number
 * the query layer derives from them, do not depend on the order events arrive in. A row's version
 * comes from the event's own times, never from when it was received: of two states of one fact, the
 * later one wins whichever arrives last.
 */
public final class FactRows {
    private static final Pattern DEFAULT_HOTFIX =
            Pattern.compile(JobSettings.DEFAULT_HOTFIX_PATTERN);
    private static final String NO_COMMIT = "0".repeat(40);

    private FactRows() {}

    /**
     * Commits that reached the default branch, each with the commit before it on that branch (the
     * previous commit of the push, or the push's {@code before} for its first commit), which is
     * what the query layer walks to find a deployment's change set. Declared change sets (generic
     * API) make changes too, without a parent.
     */
    public static List<ChangeRow> changes(CanonicalEvent event) {
        if (event.deployment() != null && event.deployment().changes() != null) {
            return declaredChanges(event, event.deployment());
        }
        PushEvent push = event.push();
        if (push == null || !push.toDefaultBranch()) {
            return List.of();
        }
        List<ChangeRow> rows = new ArrayList<>(push.commits().size());
        String parent = NO_COMMIT.equals(push.before()) ? null : push.before();
        for (Commit c : push.commits()) {
            rows.add(
                    new ChangeRow(
                            ChangeRow.key(event.service(), c.sha()),
                            event.service(),
                            push.repo(),
                            c.sha(),
                            push.branch(),
                            c.committedAt(),
                            c.committedAt(),
                            push.pushedAt(),
                            push.before(),
                            push.after(),
                            parent,
                            c.pullRequest(),
                            ChangeRow.paths(c.paths()),
                            event.eventId(),
                            push.pushedAt().toEpochMilli()));
            parent = c.sha();
        }
        return rows;
    }

    /** A change set the sender declared with the deployment (generic API): used as sent. */
    private static List<ChangeRow> declaredChanges(CanonicalEvent event, DeploymentStatusEvent d) {
        List<ChangeRow> rows = new ArrayList<>(d.changes().size());
        for (Commit c : d.changes()) {
            rows.add(
                    new ChangeRow(
                            ChangeRow.key(event.service(), c.sha()),
                            event.service(),
                            d.repo(),
                            c.sha(),
                            null,
                            c.committedAt(),
                            c.committedAt(),
                            d.statusAt(),
                            null,
                            null,
                            null,
                            c.pullRequest(),
                            ChangeRow.paths(c.paths()),
                            event.eventId(),
                            d.statusAt().toEpochMilli()));
        }
        return rows;
    }

    /** The links of a declared change set to its deployment. */
    public static List<DeclaredChangeRow> declaredChangeLinks(CanonicalEvent event) {
        DeploymentStatusEvent d = event.deployment();
        if (d == null || d.changes() == null) {
            return List.of();
        }
        String deploymentKey = DeploymentRow.key(d, event.service());
        List<DeclaredChangeRow> rows = new ArrayList<>(d.changes().size());
        for (Commit c : d.changes()) {
            rows.add(
                    new DeclaredChangeRow(
                            deploymentKey,
                            ChangeRow.key(event.service(), c.sha()),
                            event.service(),
                            c.sha(),
                            d.statusAt(),
                            event.eventId()));
        }
        return rows;
    }

    /** Commits pushed to other branches than the default one: the work of pull requests. */
    public static List<BranchCommitRow> branchCommits(CanonicalEvent event) {
        PushEvent push = event.push();
        if (push == null || push.toDefaultBranch() || push.branch() == null) {
            return List.of();
        }
        List<BranchCommitRow> rows = new ArrayList<>(push.commits().size());
        for (Commit c : push.commits()) {
            rows.add(
                    new BranchCommitRow(
                            push.repo() + "@" + push.branch() + "@" + c.sha(),
                            event.service(),
                            push.repo(),
                            push.branch(),
                            c.sha(),
                            c.committedAt(),
                            push.pushedAt(),
                            event.eventId(),
                            push.pushedAt().toEpochMilli()));
        }
        return rows;
    }

    public static List<PullRequestRow> pullRequests(CanonicalEvent event) {
        PullRequestEvent pr = event.pullRequest();
        if (pr == null) {
            return List.of();
        }
        Instant updated = latest(pr.createdAt(), pr.mergedAt(), pr.closedAt());
        if (updated == null) {
            return List.of(); // nothing orders its states: it cannot be a fact
        }
        return List.of(
                new PullRequestRow(
                        pr.source() + ":" + pr.repo() + ":" + pr.number(),
                        pr.source(),
                        event.service(),
                        pr.repo(),
                        pr.number(),
                        pr.merged(),
                        pr.sourceBranch(),
                        pr.targetBranch(),
                        pr.headSha(),
                        pr.mergeCommitSha(),
                        pr.createdAt(),
                        pr.mergedAt(),
                        updated,
                        event.eventId(),
                        updated.toEpochMilli() * 2 + (pr.merged() ? 1 : 0)));
    }

    public static List<IncidentRow> incidents(CanonicalEvent event) {
        IncidentEvent i = event.incident();
        if (i == null) {
            return List.of();
        }
        return List.of(
                new IncidentRow(
                        i.source() + ":" + i.incidentId(),
                        i.source(),
                        i.incidentId(),
                        event.service(),
                        i.title(),
                        i.status(),
                        i.severity(),
                        i.openedAt(),
                        i.resolvedAt(),
                        i.causedByDeploymentId(),
                        i.causedBySha(),
                        i.occurredAt(),
                        event.eventId(),
                        version(i)));
    }

    /** Later states win; at the same instant resolved beats acknowledged beats open. */
    static long version(IncidentEvent i) {
        int rank =
                switch (i.status()) {
                    case IncidentEvent.RESOLVED -> 2;
                    case IncidentEvent.ACKNOWLEDGED -> 1;
                    default -> 0;
                };
        return i.occurredAt().toEpochMilli() * 4 + rank;
    }

    public static List<DeploymentRow> deployments(CanonicalEvent event, Pattern production) {
        return deployments(event, production, DEFAULT_HOTFIX);
    }

    public static List<DeploymentRow> deployments(
            CanonicalEvent event, Pattern production, Pattern hotfix) {
        DeploymentStatusEvent d = event.deployment();
        if (d == null) {
            return List.of();
        }
        return List.of(
                new DeploymentRow(
                        DeploymentRow.key(d, event.service()),
                        d.source(),
                        d.deploymentId(),
                        event.service(),
                        d.repo(),
                        d.environment(),
                        production.matcher(d.environment()).matches(),
                        d.sha(),
                        d.ref(),
                        d.status(),
                        d.startedAt(),
                        d.isFinal() ? d.statusAt() : null,
                        d.statusAt(),
                        d.pipeline(),
                        d.rollbackOf(),
                        d.ref() != null && hotfix.matcher(d.ref()).find(),
                        d.changes() != null,
                        event.eventId(),
                        version(d)));
    }

    /**
     * Later statuses win; at the same instant a final status wins over a non-final one, so a
     * deployment that reports in_progress and success in the same millisecond ends as success.
     */
    static long version(DeploymentStatusEvent d) {
        return d.statusAt().toEpochMilli() * 2 + (d.isFinal() ? 1 : 0);
    }

    private static Instant latest(Instant... times) {
        Instant latest = null;
        for (Instant t : times) {
            if (t != null && (latest == null || t.isAfter(latest))) {
                latest = t;
            }
        }
        return latest;
    }

    /** A survey response's answers, one row each; nothing else of the envelope is kept. */
    public static List<SurveyResponseRow> surveyResponses(CanonicalEvent event) {
        SurveyResponseEvent r = event.surveyResponse();
        if (r == null) {
            return List.of();
        }
        List<SurveyResponseRow> rows = new ArrayList<>(r.answers().size());
        for (SurveyAnswer a : r.answers()) {
            rows.add(
                    new SurveyResponseRow(
                            r.responseId(),
                            r.surveyId(),
                            r.template(),
                            r.team(),
                            r.surveyOpenedAt(),
                            a.questionId(),
                            a.dimension(),
                            a.type(),
                            a.answer(),
                            a.value()));
        }
        return rows;
    }

    /**
     * A service's creation. Its version is minus the creation time, so the earliest report is the
     * registration: a repository re-created or a {@code service_created} sent again later does not
     * move it.
     */
    public static List<ServiceEventRow> serviceEvents(CanonicalEvent event) {
        ServiceCreatedEvent c = event.serviceCreated();
        if (c == null) {
            return List.of();
        }
        return List.of(
                new ServiceEventRow(
                        c.source() + ":" + c.service(),
                        c.source(),
                        c.service(),
                        c.createdAt(),
                        c.template(),
                        event.eventId(),
                        -c.createdAt().toEpochMilli()));
    }

    public static List<PlatformRequestRow> platformRequests(CanonicalEvent event) {
        PlatformRequestEvent r = event.platformRequest();
        if (r == null) {
            return List.of();
        }
        return List.of(
                new PlatformRequestRow(
                        r.source() + ":" + r.requestId(),
                        r.source(),
                        r.requestId(),
                        r.service(),
                        r.team(),
                        r.channel(),
                        r.kind(),
                        r.requestedAt(),
                        r.fulfilledAt(),
                        event.eventId(),
                        version(r)));
    }

    /**
     * A fulfilled state wins over an open one (a fulfilment is never before its request, the
     * parsers refuse that), then the later time: the fulfilment time once fulfilled, else the
     * request time.
     */
    static long version(PlatformRequestEvent r) {
        return r.fulfilledAt() != null
                ? r.fulfilledAt().toEpochMilli() * 2 + 1
                : r.requestedAt().toEpochMilli() * 2;
    }
}
