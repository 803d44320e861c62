package dev.dora.surveys.form;

import dev.dora.surveys.Survey;
import dev.dora.surveys.template.Option;
import dev.dora.surveys.template.Question;
import java.util.Map;

/**
 * The response form and the pages around it, as plain HTML: one fieldset per question, native radio
 * buttons and inputs with labels, no JavaScript, and a layout that reflows on a phone. Every piece
 * of text from a template or a respondent is escaped.
 */
public final class ResponseForm {
    private ResponseForm() {}

    /**
     * @param action where the form posts ({@code /s/<token>})
     * @param given answers to show again after an error (text per question id)
     * @param error the problem with the last submission, or null
     */
    public static String form(
            Survey survey, String action, Map<String, String> given, String error) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(esc(survey.title())).append("</h1>\n");
        if (!survey.description().isBlank()) {
            b.append("<p>").append(esc(survey.description())).append("</p>\n");
        }
        b.append(
                "<p class=\"muted\">Your answers are stored with your team's name only: not your"
                        + " name, e-mail address or this link. Questions without <abbr"
                        + " title=\"required\">*</abbr> may be skipped.</p>\n");
        if (error != null) {
            b.append("<p class=\"error\" role=\"alert\" id=\"form-error\">")
                    .append(esc(error))
                    .append("</p>\n");
        }
        b.append("<form method=\"post\" action=\"")
                .append(esc(action))
                .append("\" class=\"survey-form\">\n");
        int n = 0;
        for (Question q : survey.questions()) {
            n++;
            String value = given.getOrDefault(q.id(), "");
            b.append("<fieldset id=\"q-").append(esc(q.id())).append("\">\n<legend>");
            b.append(n).append(". ").append(esc(q.text()));
            if (q.required()) {
                b.append(" <abbr title=\"required\">*</abbr>");
            }
            b.append("</legend>\n");
            switch (q.type()) {
                case LIKERT5 -> {
                    b.append("<div class=\"choices likert\">\n");
                    for (int v = 1; v <= 5; v++) {
                        radio(b, q, Integer.toString(v), Question.LIKERT_LABELS.get(v - 1), value);
                    }
                    radio(b, q, Question.NOT_APPLICABLE, "Does not apply to me", value);
                    b.append("</div>\n");
                }
                case NPS -> {
                    b.append("<div class=\"choices nps\">\n");
                    for (int v = 0; v <= 10; v++) {
                        radio(b, q, Integer.toString(v), Integer.toString(v), value);
                    }
                    b.append(
                            "</div>\n<p class=\"muted scale\"><span>0 = not at all"
                                    + " likely</span> <span>10 = extremely likely</span></p>\n");
                }
                case SINGLE_CHOICE -> {
                    b.append("<div class=\"choices\">\n");
                    for (Option o : q.options()) {
                        radio(b, q, o.id(), o.label(), value);
                    }
                    b.append("</div>\n");
                }
                case NUMBER -> {
                    b.append("<label for=\"in-")
                            .append(esc(q.id()))
                            .append("\">Number</label> <input type=\"number\" step=\"any\"")
                            .append(" inputmode=\"decimal\" id=\"in-")
                            .append(esc(q.id()))
                            .append("\" name=\"")
                            .append(esc(q.id()))
                            .append("\" value=\"")
                            .append(esc(value))
                            .append('"');
                    if (q.min() != null) {
                        b.append(" min=\"").append(plain(q.min())).append('"');
                    }
                    if (q.max() != null) {
                        b.append(" max=\"").append(plain(q.max())).append('"');
                    }
                    if (q.required()) {
                        b.append(" required");
                    }
                    b.append(">\n");
                }
                case FREE_TEXT -> {
                    b.append("<label for=\"in-")
                            .append(esc(q.id()))
                            .append("\" class=\"visually-hidden\">Your answer</label>")
                            .append("<textarea rows=\"4\" maxlength=\"")
                            .append(Question.MAX_TEXT_LENGTH)
                            .append("\" id=\"in-")
                            .append(esc(q.id()))
                            .append("\" name=\"")
                            .append(esc(q.id()))
                            .append('"')
                            .append(q.required() ? " required" : "")
                            .append('>')
                            .append(esc(value))
                            .append("</textarea>\n")
                            .append(
                                    "<p class=\"muted\">Please leave out names and anything that"
                                            + " would tell who wrote it.</p>\n");
                }
            }
            b.append("</fieldset>\n");
        }
        b.append("<button type=\"submit\">Send my answers</button>\n</form>\n");
        return page(survey.title(), b.toString());
    }

    public static String thanks(Survey survey) {
        return page(
                "Thank you",
                "<h1>Thank you</h1>\n<p>Your answers to <strong>"
                        + esc(survey.title())
                        + "</strong> are recorded. This link cannot be used again.</p>\n");
    }

    /** A page for a link that cannot be used (unknown, used, closed), with the reason. */
    public static String problem(String message) {
        return page(
                "Survey",
                "<h1>Survey</h1>\n<p class=\"error\" role=\"alert\">" + esc(message) + ".</p>\n");
    }

    private static void radio(
            StringBuilder b, Question q, String value, String label, String given) {
        String id = "in-" + q.id() + "-" + value.replace('/', '-');
        b.append("<label for=\"")
                .append(esc(id))
                .append("\"><input type=\"radio\" id=\"")
                .append(esc(id))
                .append("\" name=\"")
                .append(esc(q.id()))
                .append("\" value=\"")
                .append(esc(value))
                .append('"')
                .append(value.equals(given) ? " checked" : "")
                .append(q.required() ? " required" : "")
                .append("> ")
                .append(esc(label))
                .append("</label>\n");
    }

    private static String page(String title, String main) {
        return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"referrer\" content=\"no-referrer\">\n"
                + "<title>"
                + esc(title)
                + "</title>\n<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">\n"
                + "<link rel=\"stylesheet\" href=\"/assets/style.css\">\n</head>\n"
                + "<body class=\"survey\">\n<main>\n"
                + main
                + "</main>\n</body>\n</html>\n";
    }

    private static String plain(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** HTML-escapes text for element content and attribute values. */
    public static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
