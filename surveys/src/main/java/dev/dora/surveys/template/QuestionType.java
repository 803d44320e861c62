package dev.dora.surveys.template;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of question a template may ask, by the names templates use. */
public enum QuestionType {
    /** Strongly disagree (1) … strongly agree (5), plus "does not apply". */
    LIKERT5("likert5"),
    /** 0–10, "how likely are you to recommend"; scored as eNPS. */
    NPS("nps"),
    /** One of the question's options. */
    SINGLE_CHOICE("single_choice"),
    /** A decimal number, optionally bounded. */
    NUMBER("number"),
    /** Free text; shown only for groups at or above the anonymity threshold. */
    FREE_TEXT("free_text");

    private final String id;

    QuestionType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<QuestionType> parse(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    /** {@code likert5, nps, single_choice, number, free_text}, for messages. */
    public static String names() {
        return Arrays.stream(values()).map(QuestionType::id).collect(Collectors.joining(", "));
    }
}
