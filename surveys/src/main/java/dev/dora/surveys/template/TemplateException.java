package dev.dora.surveys.template;

/** A template that cannot be used; the message names the template, the question and the field. */
public final class TemplateException extends RuntimeException {
    public TemplateException(String message) {
        super(message);
    }
}
