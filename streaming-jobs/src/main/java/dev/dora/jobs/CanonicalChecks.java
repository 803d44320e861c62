package dev.dora.jobs;

import dev.dora.events.CanonicalEvent;
import dev.dora.events.Commit;
import dev.dora.events.DeploymentStatusEvent;
import dev.dora.events.IncidentEvent;
import dev.dora.events.PlatformRequestEvent;
import dev.dora.events.PushEvent;

/**
 * The invariants every canonical event must hold before it reaches keyed state and the Parquet
 * writers, whatever parser made it: a missing key or time there would fail the whole job, so an
 * event breaking them is rejected with the reason instead. Public so that tests outside the job
 * (the app's fixture conformance test) apply the same check as {@link ParseEnvelopes}.
 */
public final class CanonicalChecks {
    private CanonicalChecks() {}

    /** The first broken invariant, or null when the event is usable. */
    public static String problem(CanonicalEvent e) {
        if (e.surveyResponse() != null) {
            return e.surveyResponse().answers().stream()
                            .anyMatch(a -> blank(a.questionId()) || a.answer() == null)
                    ? "survey answer without question or answer"
                    : null;
        }
        if (e.platformRequest() != null) {
            PlatformRequestEvent r = e.platformRequest();
            if (blank(r.requestId()) || blank(r.channel()) || r.requestedAt() == null) {
                return "platform request without id, channel or request time";
            }
            return null; // a request may be for no service (yet)
        }
        if (blank(e.service())) {
            return "no service could be resolved";
        }
        if (e.push() != null) {
            PushEvent p = e.push();
            if (p.pushedAt() == null) {
                return "push without a time";
            }
            for (Commit c : p.commits()) {
                if (blank(c.sha())) {
                    return "push with a commit without sha";
                }
            }
        }
        if (e.deployment() != null) {
            DeploymentStatusEvent d = e.deployment();
            if (blank(d.deploymentId()) || blank(d.environment()) || blank(d.status())) {
                return "deployment without id, environment or status";
            }
            if (d.statusAt() == null) {
                return "deployment status without a time";
            }
            if (d.changes() != null && d.changes().stream().anyMatch(c -> blank(c.sha()))) {
                return "declared change without sha";
            }
        }
        if (e.incident() != null) {
            IncidentEvent i = e.incident();
            if (blank(i.incidentId()) || blank(i.status())) {
                return "incident without id or status";
            }
        }
        if (e.serviceCreated() != null && e.serviceCreated().createdAt() == null) {
            return "service created without a time";
        }
        if (e.pullRequest() != null && blank(e.pullRequest().number())) {
            return "pull request without number";
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
