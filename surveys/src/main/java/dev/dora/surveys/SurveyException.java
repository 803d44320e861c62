package dev.dora.surveys;

/**
 * A request about a survey that cannot be served, with the HTTP status that says why (400 invalid
 * answer or request, 404 unknown, 409 link already used, 410 survey closed, 503 not durable) and a
 * message that names the problem.
 */
public final class SurveyException extends RuntimeException {
    private final int status;

    public SurveyException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
