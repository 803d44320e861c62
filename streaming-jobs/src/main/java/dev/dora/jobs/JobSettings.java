package dev.dora.jobs;

import java.io.Serializable;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The streaming job's own settings.
 *
 * @param productionPattern environments matching it are production (DESIGN.md default {@code
 *     (?i)^prod(uction)?([-_ ].*)?$})
 * @param dedupeTtl how long a delivery id is remembered to drop redeliveries (at least 7 days)
 * @param hotfixPattern a deployment whose ref matches it is a hotfix (DESIGN.md defaults {@code
 *     hotfix/}, {@code hotfix-}, {@code revert}, found anywhere, without regard to case)
 * @param parsers what the parsers need beyond the payloads
 */
public record JobSettings(
        Pattern productionPattern,
        Duration dedupeTtl,
        Pattern hotfixPattern,
        ParserSettings parsers)
        implements Serializable {
    public static final String DEFAULT_PRODUCTION_PATTERN = "(?i)^prod(uction)?([-_ ].*)?$";
    public static final String DEFAULT_HOTFIX_PATTERN = "(?i)hotfix/|hotfix-|revert";

    public JobSettings {
        if (dedupeTtl.compareTo(Duration.ofDays(7)) < 0) {
            throw new IllegalArgumentException("dedupe time-to-live must be at least 7 days");
        }
    }

    public static JobSettings defaults() {
        return new JobSettings(
                Pattern.compile(DEFAULT_PRODUCTION_PATTERN),
                Duration.ofDays(8),
                Pattern.compile(DEFAULT_HOTFIX_PATTERN),
                ParserSettings.defaults());
    }
}
