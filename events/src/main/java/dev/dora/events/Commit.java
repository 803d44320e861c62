package dev.dora.events;

import java.time.Instant;

/**
 * A commit as a push event reports it.
 *
 * @param sha full commit id
 * @param committedAt the commit's own timestamp, in UTC; null when the source gave none
 */
public record Commit(String sha, Instant committedAt) {}
