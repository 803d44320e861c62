package dev.dora.jobs;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What parsers need to know beyond the payload.
 *
 * @param deployPattern a CI run (GitHub workflow run, GitLab pipeline, CircleCI workflow) is a
 *     deployment when its workflow name or path matches (default {@code (?i)deploy|release})
 * @param incidentLabel a GitHub or GitLab issue is an incident when it carries this label, compared
 *     without regard to case (default {@code incident})
 * @param productionPattern environments matching it are production
 */
public record ParserSettings(Pattern deployPattern, String incidentLabel, Pattern productionPattern)
        implements Serializable {
    public static final String DEFAULT_DEPLOY_PATTERN = "(?i)deploy|release";
    public static final String DEFAULT_INCIDENT_LABEL = "incident";

    public static ParserSettings defaults() {
        return new ParserSettings(
                Pattern.compile(DEFAULT_DEPLOY_PATTERN),
                DEFAULT_INCIDENT_LABEL,
                Pattern.compile(JobSettings.DEFAULT_PRODUCTION_PATTERN));
    }

    public boolean isDeployWorkflow(String nameOrPath) {
        return nameOrPath != null && deployPattern.matcher(nameOrPath).find();
    }

    public boolean isIncidentLabel(String label) {
        return label != null
                && label.toLowerCase(Locale.ROOT).equals(incidentLabel.toLowerCase(Locale.ROOT));
    }
}
