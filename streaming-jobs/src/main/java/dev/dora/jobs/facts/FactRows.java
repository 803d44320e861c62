package dev.dora.jobs.facts;

import dev.dora.events.CanonicalEvent;
import dev.dora.events.Commit;
import dev.dora.events.DeploymentStatusEvent;
import dev.dora.events.PushEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Canonical events to fact rows: pure functions. Only pushes to the default branch make changes. A
 * change's start is its own commit time until pull-request data refines it.
 */
public final class FactRows {
    private FactRows() {}

    public static List<ChangeRow> changes(CanonicalEvent event) {
        if (event.deployment() != null && event.deployment().changes() != null) {
            return declaredChanges(event, event.deployment());
        }
        PushEvent push = event.push();
        if (push == null || !push.toDefaultBranch()) {
            return List.of();
        }
        List<ChangeRow> rows = new ArrayList<>(push.commits().size());
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
                            event.eventId(),
                            push.pushedAt().toEpochMilli()));
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
                            event.eventId(),
                            d.statusAt().toEpochMilli()));
        }
        return rows;
    }

    public static List<DeploymentRow> deployments(CanonicalEvent event, Pattern production) {
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
}
