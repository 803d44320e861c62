package dev.dora.surveys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Surveys and their invitations, kept in one JSON file that is replaced atomically (and fsynced) on
 * every change. An invitation is the SHA-256 of its token, the survey, the team and whether it has
 * been used: nothing ties it to a response. Invitations are kept sorted by hash, so even the file's
 * order says nothing about who was invited when.
 */
final class SurveyStore {
    /** What the store knows about an invitation token. */
    record Invitation(String surveyId, String team, boolean used) {}

    private final Path file;
    private final Map<String, Survey> surveys = new LinkedHashMap<>();
    private final Map<String, Invitation> invitations = new TreeMap<>(); // by token hash

    private SurveyStore(Path file) {
        this.file = file;
    }

    static SurveyStore open(Path file) {
        SurveyStore store = new SurveyStore(file);
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                JsonNode root = SurveyJson.MAPPER.readTree(file.toFile());
                for (JsonNode s : root.path("surveys")) {
                    Survey survey = SurveyJson.readSurvey(s);
                    store.surveys.put(survey.id(), survey);
                }
                root.path("invitations")
                        .fields()
                        .forEachRemaining(
                                e ->
                                        store.invitations.put(
                                                e.getKey(),
                                                new Invitation(
                                                        e.getValue().get("survey").asText(),
                                                        e.getValue().get("team").asText(),
                                                        e.getValue().get("used").asBoolean())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read surveys from " + file, e);
        }
        return store;
    }

    synchronized void add(Survey survey, Map<String, String> tokenHashToTeam) {
        surveys.put(survey.id(), survey);
        tokenHashToTeam.forEach(
                (h, team) -> invitations.put(h, new Invitation(survey.id(), team, false)));
        save();
    }

    synchronized Optional<Survey> survey(String id) {
        return Optional.ofNullable(surveys.get(id));
    }

    /** Every survey, oldest first. */
    synchronized List<Survey> surveys() {
        List<Survey> list = new ArrayList<>(surveys.values());
        list.sort(java.util.Comparator.comparing(Survey::createdAt).thenComparing(Survey::id));
        return list;
    }

    synchronized Optional<Invitation> invitation(String tokenHash) {
        return Optional.ofNullable(invitations.get(tokenHash));
    }

    synchronized void close(String surveyId, Instant at) {
        surveys.computeIfPresent(surveyId, (id, s) -> s.closedAt() == null ? s.closed(at) : s);
        save();
    }

    /**
     * Marks an unused invitation used, atomically with the check.
     *
     * @return false when it was already used
     */
    synchronized boolean claim(String tokenHash) {
        Invitation i = invitations.get(tokenHash);
        if (i == null || i.used()) {
            return false;
        }
        invitations.put(tokenHash, new Invitation(i.surveyId(), i.team(), true));
        save();
        return true;
    }

    /** Gives a claimed invitation back, when its response could not be made durable. */
    synchronized void release(String tokenHash) {
        Invitation i = invitations.get(tokenHash);
        if (i != null && i.used()) {
            invitations.put(tokenHash, new Invitation(i.surveyId(), i.team(), false));
            save();
        }
    }

    private void save() {
        ObjectNode root = SurveyJson.MAPPER.createObjectNode();
        root.put("version", 1);
        var list = root.putArray("surveys");
        for (Survey s : surveys()) {
            // Status is worked out from the dates when read, not kept.
            ObjectNode stored = SurveyJson.survey(s, s.createdAt());
            stored.remove("status");
            list.add(stored);
        }
        ObjectNode inv = root.putObject("invitations");
        invitations.forEach(
                (h, i) ->
                        inv.putObject(h)
                                .put("survey", i.surveyId())
                                .put("team", i.team())
                                .put("used", i.used()));
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.write(
                    tmp,
                    SurveyJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write surveys to " + file, e);
        }
    }
}
