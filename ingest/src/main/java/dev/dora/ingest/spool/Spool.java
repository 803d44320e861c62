package dev.dora.ingest.spool;

import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable, append-only queue of encoded envelopes for when Kafka is unreachable: segment files
 * ({@code 00000000000000000001.seg}, ...) of {@link RecordFormat framed} records, plus the position
 * of the first record Kafka has not acknowledged yet ({@link SpoolPosition}). Every append is
 * forced to disk before it returns; segments are deleted once forwarded. Thread-safe: one lock, so
 * an fsync holds up readers too, which is fine for a queue that is only used during an outage.
 */
public final class Spool implements AutoCloseable {
    public static final long DEFAULT_MAX_BYTES = 1L << 30;
    public static final long DEFAULT_SEGMENT_BYTES = 16L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);

    private final Path dir;
    private final SpoolLock lock;
    private final long maxBytes;
    private final long segmentBytes;

    /** Segment number to its size in valid bytes, oldest first; the last one takes appends. */
    private final TreeMap<Long, Long> segments = new TreeMap<>();

    private long lastSegment;
    private FileChannel active; // the last segment open for appends, or null until one is needed
    private FileChannel reader; // the segment being forwarded
    private long readerSegment;
    private SpoolPosition position;
    private long totalBytes;
    private long depth;
    private long nextSequence; // sequence number of the first pending record
    private IOException broken;

    private Spool(Path dir, SpoolLock lock, long maxBytes, long segmentBytes) {
        this.dir = dir;
        this.lock = lock;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
    }

    /** Opens (creating if needed) the spool in {@code dir}, truncating a torn last record. */
    public static Spool open(Path dir, long maxBytes) throws IOException {
        return open(dir, maxBytes, Math.min(DEFAULT_SEGMENT_BYTES, maxBytes));
    }

    public static Spool open(Path dir, long maxBytes, long segmentBytes) throws IOException {
        if (maxBytes <= RecordFormat.HEADER || segmentBytes <= 0) {
            throw new IllegalArgumentException("spool sizes must be positive");
        }
        Files.createDirectories(dir);
        Spool spool = new Spool(dir, SpoolLock.acquire(dir), maxBytes, segmentBytes);
        try {
            spool.recover();
        } catch (IOException | RuntimeException e) {
            spool.close();
            throw e;
        }
        return spool;
    }

    private void recover() throws IOException {
        position = SpoolPosition.read(dir);
        List<Long> numbers;
        try (Stream<Path> files = Files.list(dir)) {
            numbers =
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.matches("\\d{20}\\.seg"))
                            .map(n -> Long.parseLong(n.substring(0, 20)))
                            .sorted()
                            .toList();
        }
        for (long n : numbers) {
            if (n < position.segment()) {
                Files.delete(segmentFile(n)); // forwarded; the crash came before its deletion
                continue;
            }
            boolean last = n == numbers.get(numbers.size() - 1);
            boolean first = n == position.segment();
            SegmentScan scan = SegmentScan.of(segmentFile(n), first ? position.offset() : 0, last);
            if (first && position.offset() > scan.validBytes()) {
                // Forwarded before its own fsync finished, then lost in a crash: already in Kafka.
                position = new SpoolPosition(n, scan.validBytes());
            }
            segments.put(n, scan.validBytes());
            totalBytes += scan.validBytes();
            depth += scan.recordsFrom();
        }
        if (!segments.isEmpty() && segments.firstKey() != position.segment()) {
            position = new SpoolPosition(segments.firstKey(), 0);
        }
        lastSegment = segments.isEmpty() ? position.segment() - 1 : segments.lastKey();
        if (!segments.isEmpty()) {
            active = FileChannel.open(segmentFile(lastSegment), READ, WRITE);
        }
        if (depth > 0) {
            LOG.info("spool {} holds {} records not yet forwarded to Kafka", dir, depth);
        }
    }

    /**
     * Appends one record and forces it to disk before returning.
     *
     * @throws SpoolFullException when the record would take the spool past its maximum size
     * @throws IOException when the spool cannot be written; after a failed fsync it refuses all
     *     further appends, since what reached the disk is unknown
     */
    public synchronized void append(byte[] data) throws IOException {
        if (data.length == 0) {
            throw new IllegalArgumentException("an empty record cannot be spooled");
        }
        if (broken != null) {
            throw new IOException("spool " + dir + " is unwritable after an earlier error", broken);
        }
        long framed = RecordFormat.HEADER + (long) data.length;
        if (totalBytes + framed > maxBytes) {
            throw new SpoolFullException(
                    "spool " + dir + " is full (" + totalBytes + " of " + maxBytes + " bytes)");
        }
        if (active == null || segments.get(lastSegment) + framed > segmentBytes) {
            roll();
        }
        long start = segments.get(lastSegment);
        try {
            RecordFormat.writeFully(active, RecordFormat.frame(data), start);
        } catch (IOException e) {
            undo(start, e);
            throw e;
        }
        try {
            active.force(false);
        } catch (IOException e) {
            broken = e;
            throw e;
        }
        segments.put(lastSegment, start + framed);
        totalBytes += framed;
        depth++;
        notifyAll();
    }

    /** A failed write may have left part of a frame: cut it off so later appends stay readable. */
    private void undo(long start, IOException cause) {
        try {
            active.truncate(start);
        } catch (IOException e) {
            cause.addSuppressed(e);
            broken = cause;
        }
    }

    /** Starts a new segment; the old one keeps its place in the queue until forwarded. */
    private void roll() throws IOException {
        if (active != null && segments.get(lastSegment) == 0) {
            return; // an empty segment takes a record larger than the segment size
        }
        Path file = segmentFile(lastSegment + 1);
        FileChannel created = FileChannel.open(file, CREATE_NEW, READ, WRITE);
        SpoolPosition.syncDirectory(dir);
        if (active != null) {
            active.close();
        }
        active = created;
        lastSegment++;
        segments.put(lastSegment, 0L);
    }

    /**
     * Up to {@code maxRecords} pending records (fewer once {@code maxBytes} is reached, at least
     * one), oldest first, starting at the first record not yet {@link #commit committed}.
     */
    public synchronized List<SpooledRecord> peek(int maxRecords, long maxBytes) throws IOException {
        List<SpooledRecord> out = new ArrayList<>();
        long segment = position.segment();
        long offset = position.offset();
        long bytes = 0;
        for (long seq = nextSequence; seq < nextSequence + depth; seq++) {
            if (out.size() >= maxRecords || (bytes >= maxBytes && !out.isEmpty())) {
                break;
            }
            if (offset >= segments.get(segment)) {
                segment = segments.higherKey(segment);
                offset = 0;
            }
            byte[] data = RecordFormat.read(channel(segment), offset, segments.get(segment));
            offset += RecordFormat.HEADER + data.length;
            bytes += data.length;
            out.add(new SpooledRecord(seq, segment, offset, data));
        }
        return out;
    }

    /**
     * Marks every record up to and including {@code last} as forwarded: persists the new position
     * first, then deletes the segments it has left behind.
     */
    public synchronized void commit(SpooledRecord last) throws IOException {
        long removed = last.sequence() + 1 - nextSequence;
        if (removed <= 0 || removed > depth) {
            throw new IllegalArgumentException("record " + last.sequence() + " is not pending");
        }
        SpoolPosition next = new SpoolPosition(last.segment(), last.end());
        boolean drained = false;
        if (last.end() == segments.get(last.segment())) {
            drained = last.segment() == lastSegment;
            next = new SpoolPosition(last.segment() + 1, 0);
        }
        next.write(dir);
        position = next;
        nextSequence += removed;
        depth -= removed;
        if (drained && active != null) {
            active.close(); // so the next append starts a fresh segment and this one can go
            active = null;
        }
        deleteBefore(next.segment());
    }

    private void deleteBefore(long segment) throws IOException {
        for (Map.Entry<Long, Long> e : new ArrayList<>(segments.headMap(segment).entrySet())) {
            if (reader != null && readerSegment == e.getKey()) {
                reader.close();
                reader = null;
            }
            Files.deleteIfExists(segmentFile(e.getKey()));
            segments.remove(e.getKey());
            totalBytes -= e.getValue();
        }
    }

    /**
     * Reads go through their own channel, never the append channel: an interrupt of the reading
     * thread (the forwarder, when stopped) closes the channel it was reading from.
     */
    private FileChannel channel(long segment) throws IOException {
        if (reader == null || !reader.isOpen() || readerSegment != segment) {
            if (reader != null) {
                reader.close();
            }
            reader = FileChannel.open(segmentFile(segment), READ);
            readerSegment = segment;
        }
        return reader;
    }

    public Path directory() {
        return dir;
    }

    /** Records appended and not yet forwarded to Kafka (for {@code /metrics}). */
    public synchronized long depth() {
        return depth;
    }

    /** Bytes in the spool's segment files, counted against the maximum size. */
    public synchronized long bytes() {
        return totalBytes;
    }

    /** Waits until a record is pending or the timeout passes; true when one is pending. */
    public synchronized boolean awaitPending(long timeoutMillis) throws InterruptedException {
        if (depth == 0) {
            wait(timeoutMillis);
        }
        return depth > 0;
    }

    private Path segmentFile(long n) {
        return dir.resolve(String.format("%020d.seg", n));
    }

    @Override
    public synchronized void close() throws IOException {
        try (SpoolLock l = lock;
                FileChannel a = active;
                FileChannel r = reader) {
            active = null;
            reader = null;
            broken = new IOException("spool is closed");
        }
        notifyAll();
    }
}
