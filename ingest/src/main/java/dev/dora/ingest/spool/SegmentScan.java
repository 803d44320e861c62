package dev.dora.ingest.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a segment holds when the spool opens: its valid length and how many records start at or
 * after the forwarding position. A bad record in the last segment is where a crash cut an append
 * short (it was never acknowledged to its sender), so the tail from there is truncated; anywhere
 * else it is damage to acknowledged data, and opening fails with the file's name.
 *
 * @param validBytes length of the intact records at the start of the segment
 * @param recordsFrom records starting at or after the position given to {@link #of}
 */
record SegmentScan(long validBytes, long recordsFrom) {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentScan.class);

    static SegmentScan of(Path file, long from, boolean last) throws IOException {
        try (FileChannel ch =
                FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long offset = 0;
            long records = 0;
            boolean onBoundary = from == 0;
            while (offset < size) {
                byte[] data;
                try {
                    data = RecordFormat.read(ch, offset, size);
                } catch (RecordFormat.CorruptRecordException e) {
                    if (!last) {
                        throw new IOException(
                                "spool segment "
                                        + file
                                        + " is damaged ("
                                        + e.getMessage()
                                        + "); move it out of the spool directory to start",
                                e);
                    }
                    LOG.warn(
                            "spool segment {}: {}; dropping the last {} bytes (an append cut"
                                    + " short by a crash, never acknowledged)",
                            file,
                            e.getMessage(),
                            size - offset);
                    ch.truncate(offset);
                    ch.force(true);
                    break;
                }
                if (offset >= from) {
                    records++;
                }
                offset += RecordFormat.HEADER + data.length;
                onBoundary |= offset == from;
            }
            if (!onBoundary && from < offset) {
                throw new IOException(
                        SpoolPosition.FILE
                                + " points inside a record of "
                                + file
                                + " (byte "
                                + from
                                + "): the file is damaged");
            }
            return new SegmentScan(offset, records);
        }
    }
}
