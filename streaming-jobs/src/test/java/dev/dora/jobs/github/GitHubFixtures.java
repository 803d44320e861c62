package dev.dora.jobs.github;

import static dev.dora.jobs.EventFixtures.envelope;
import static dev.dora.jobs.EventFixtures.sharedFixtures;

import dev.dora.events.CanonicalEvent;
import dev.dora.jobs.JobSettings;
import dev.dora.jobs.ParserSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Reading the GitHub part of the shared webhook corpus, and parser settings for the tests. */
final class GitHubFixtures {
    static final Pattern PRODUCTION = Pattern.compile(JobSettings.DEFAULT_PRODUCTION_PATTERN);

    private GitHubFixtures() {}

    /** Parses {@code github/<eventType>/<file>} with eventType = the directory name. */
    static List<CanonicalEvent> parseFixture(String eventType, String file) throws IOException {
        return parseFixture(eventType, file, ParserSettings.defaults());
    }

    static List<CanonicalEvent> parseFixture(String eventType, String file, ParserSettings settings)
            throws IOException {
        Path path = sharedFixtures("github/" + eventType).resolve(file);
        return GitHubParser.parse(envelope(eventType, Files.readAllBytes(path)), settings);
    }

    /** The default settings with another deploy pattern and incident label. */
    static ParserSettings settings(String deployPattern, String incidentLabel) {
        return new ParserSettings(Pattern.compile(deployPattern), incidentLabel, PRODUCTION);
    }
}
