package dev.dora.surveys.template;

import java.util.List;
import java.util.Optional;

/**
 * A survey template: what a survey asks. Surveys keep a copy of the questions they were created
 * with, so editing a template later does not change a running or past survey.
 *
 * @param id stable id, e.g. {@code devex-quarterly}; trends compare surveys of one template
 * @param title shown to respondents and on the dashboard
 * @param description one paragraph shown above the form
 * @param questions in the order they are asked
 * @param builtIn whether the project ships it (built-ins cannot be replaced)
 */
public record Template(
        String id, String title, String description, List<Question> questions, boolean builtIn) {

    public Template {
        questions = List.copyOf(questions);
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }
}
