package dev.dora.ingest.spool;

/** One record read from the {@link Spool}, and where it ends, so forwarding can resume after it. */
public final class SpooledRecord {
    private final long sequence;
    private final long segment;
    private final long end;
    private final byte[] data;

    SpooledRecord(long sequence, long segment, long end, byte[] data) {
        this.sequence = sequence;
        this.segment = segment;
        this.end = end;
        this.data = data;
    }

    /** Position in the queue: consecutive, counted from the oldest pending record at open. */
    public long sequence() {
        return sequence;
    }

    /** The bytes as appended. */
    public byte[] data() {
        return data;
    }

    long segment() {
        return segment;
    }

    long end() {
        return end;
    }
}
