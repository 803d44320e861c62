package dev.dora.jobs.changeset;

import java.util.List;

/**
 * One link of a branch's push chain: the head before the push and the pushed commits, oldest first
 * (the last one is the head after the push).
 */
public record PushSegment(String before, List<String> shas) {
    public PushSegment {
        shas = List.copyOf(shas);
    }
}
