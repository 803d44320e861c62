package dev.dora.surveys.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dora.surveys.Survey;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The results of a survey as the API, the pages and the exports show them: participation, the
 * overall group and each team, each either scored ({@link GroupScores}) or {@code {"suppressed":
 * true}} with no number and no text ({@link Suppression}); the change against the previous survey
 * of the same template; and the eNPS and dimension history of that template.
 */
public final class SurveyResults {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A survey with its answer counts. */
    public record Scored(Survey survey, AnswerCounts counts) {}

    private SurveyResults() {}

    /**
     * @param history earlier surveys of the same template, oldest first (not including this one)
     */
    public static ObjectNode of(Scored current, List<Scored> history, int k, Instant now) {
        Survey survey = current.survey();
        ObjectNode out = MAPPER.createObjectNode();
        ObjectNode s = out.putObject("survey");
        s.put("id", survey.id());
        s.put("title", survey.title());
        s.put("template", survey.template());
        s.put("status", survey.status(now));
        s.put("created_at", survey.createdAt().toString());
        s.put("closes_on", survey.closesOn().toString());
        out.put("k", k);

        Groups groups = groups(current, k);
        ObjectNode participation = out.putObject("participation");
        int invited = survey.invitedTotal();
        int respondents = current.counts().totalRespondents();
        participation.put("invited", invited);
        participation.put("respondents", respondents);
        putRate(participation, "rate", respondents, invited);
        out.set("overall", groups.overall);
        ArrayNode teams = out.putArray("teams");
        groups.teams.values().forEach(teams::add);

        Scored previous = history.isEmpty() ? null : history.get(history.size() - 1);
        out.set("trend", trend(groups, previous == null ? null : groups(previous, k), previous));
        ArrayNode h = out.putArray("history");
        List<Scored> all = new ArrayList<>(history);
        all.add(current);
        for (Scored past : all) {
            ObjectNode overall = groups(past, k).overall;
            ObjectNode o = h.addObject();
            o.put("survey", past.survey().id());
            o.put("title", past.survey().title());
            o.put("created_at", past.survey().createdAt().toString());
            boolean shown = !overall.has("suppressed");
            o.set("enps", shown ? overall.get("enps") : MAPPER.nullNode());
            ObjectNode dims = o.putObject("dimensions");
            if (shown) {
                for (JsonNode d : overall.get("dimensions")) {
                    dims.set(d.get("dimension").asText(), d.get("percent_favourable"));
                }
            }
        }
        return out;
    }

    /** The overall group and each team's, scored or suppressed. */
    private record Groups(ObjectNode overall, Map<String, ObjectNode> teams) {}

    private static Groups groups(Scored scored, int k) {
        Survey survey = scored.survey();
        AnswerCounts counts = scored.counts();
        Map<String, Integer> respondents = new TreeMap<>();
        TreeSet<String> allTeams = new TreeSet<>(survey.invited().keySet());
        allTeams.addAll(counts.teams());
        for (String team : allTeams) {
            respondents.put(team, counts.respondents(team));
        }
        Suppression suppression = Suppression.decide(respondents, k);
        ObjectNode overall;
        if (suppression.totalShown()) {
            overall =
                    GroupScores.score(
                            survey.questions(),
                            counts,
                            new ArrayList<>(allTeams),
                            counts.totalRespondents());
            overall.put("invited", survey.invitedTotal());
        } else {
            overall = suppressed(null);
        }
        Map<String, ObjectNode> teams = new TreeMap<>();
        for (String team : allTeams) {
            if (suppression.shownTeams().contains(team)) {
                ObjectNode t = MAPPER.createObjectNode();
                t.put("team", team);
                int invited = survey.invited().getOrDefault(team, 0);
                t.put("invited", invited);
                putRate(t, "participation_rate", respondents.get(team), invited);
                t.setAll(
                        GroupScores.score(
                                survey.questions(), counts, List.of(team), respondents.get(team)));
                teams.put(team, t);
            } else {
                teams.put(team, suppressed(team));
            }
        }
        return new Groups(overall, teams);
    }

    private static ObjectNode suppressed(String team) {
        ObjectNode o = MAPPER.createObjectNode();
        if (team != null) {
            o.put("team", team);
        }
        o.put("suppressed", true);
        return o;
    }

    private static JsonNode trend(Groups now, Groups before, Scored previous) {
        ObjectNode t = MAPPER.createObjectNode();
        if (previous == null) {
            t.putNull("previous");
            t.putNull("overall");
            t.putArray("teams");
            return t;
        }
        ObjectNode p = t.putObject("previous");
        p.put("id", previous.survey().id());
        p.put("title", previous.survey().title());
        p.put("created_at", previous.survey().createdAt().toString());
        t.set("overall", change(now.overall, before.overall));
        ArrayNode teams = t.putArray("teams");
        now.teams.forEach(
                (team, group) -> {
                    ObjectNode old = before.teams.get(team);
                    JsonNode c = old == null ? MAPPER.nullNode() : change(group, old);
                    if (!c.isNull()) {
                        ((ObjectNode) c).put("team", team);
                        teams.add(c);
                    }
                });
        return t;
    }

    /** eNPS and dimension changes between two scored groups; null when either is suppressed. */
    private static JsonNode change(ObjectNode now, ObjectNode before) {
        if (now.has("suppressed") || before.has("suppressed")) {
            return MAPPER.nullNode();
        }
        ObjectNode c = MAPPER.createObjectNode();
        c.set("enps", delta(now.get("enps"), before.get("enps")));
        ArrayNode dims = c.putArray("dimensions");
        for (JsonNode d : now.get("dimensions")) {
            String name = d.get("dimension").asText();
            for (JsonNode old : before.get("dimensions")) {
                if (old.get("dimension").asText().equals(name)) {
                    ObjectNode o =
                            delta(d.get("percent_favourable"), old.get("percent_favourable"));
                    o.put("dimension", name);
                    dims.add(o);
                }
            }
        }
        return c;
    }

    private static ObjectNode delta(JsonNode now, JsonNode before) {
        ObjectNode o = MAPPER.createObjectNode();
        o.set("current", now == null ? MAPPER.nullNode() : now);
        o.set("previous", before == null ? MAPPER.nullNode() : before);
        if (now == null || before == null || now.isNull() || before.isNull()) {
            o.putNull("change");
        } else {
            o.put("change", GroupScores.round1(now.asDouble() - before.asDouble()));
        }
        return o;
    }

    private static void putRate(ObjectNode o, String field, int part, int whole) {
        if (whole == 0) {
            o.putNull(field);
        } else {
            o.put(
                    field,
                    BigDecimal.valueOf(part)
                            .divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP)
                            .doubleValue());
        }
    }
}
