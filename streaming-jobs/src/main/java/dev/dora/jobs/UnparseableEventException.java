package dev.dora.jobs;

/** An envelope that cannot be turned into canonical events; the message is the kept reason. */
public final class UnparseableEventException extends RuntimeException {
    public UnparseableEventException(String reason) {
        super(reason);
    }
}
