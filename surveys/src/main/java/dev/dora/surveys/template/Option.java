package dev.dora.surveys.template;

/** One answer a single-choice question offers: a stable id and the label people see. */
public record Option(String id, String label) {}
