package dev.dora.surveys;

import dev.dora.surveys.template.Question;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A survey: the questions of its template as they were when it was created, who was invited (a
 * count per team, never names), and its dates. It is open from creation until the end of its close
 * date (UTC) or until an admin closes it, whichever comes first.
 *
 * @param id random id
 * @param template the template it was created from
 * @param title shown to respondents and on the dashboard
 * @param description shown above the form
 * @param questions the template's questions at creation
 * @param invited invitation links made, per team
 * @param createdAt when it was created (and opened)
 * @param closesOn the last day it takes responses (UTC)
 * @param closedAt when an admin closed it early, or null
 */
public record Survey(
        String id,
        String template,
        String title,
        String description,
        List<Question> questions,
        Map<String, Integer> invited,
        Instant createdAt,
        LocalDate closesOn,
        Instant closedAt) {

    public Survey {
        questions = List.copyOf(questions);
        invited = java.util.Collections.unmodifiableMap(new TreeMap<>(invited));
    }

    /** Whether it still takes responses at {@code now}. */
    public boolean openAt(Instant now) {
        return closedAt == null
                && now.isBefore(closesOn.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    public String status(Instant now) {
        return openAt(now) ? "open" : "closed";
    }

    public int invitedTotal() {
        return invited.values().stream().mapToInt(Integer::intValue).sum();
    }

    Survey closed(Instant at) {
        return new Survey(
                id, template, title, description, questions, invited, createdAt, closesOn, at);
    }
}
