package dev.dora.ingest.spool;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;

/**
 * The frame of one spooled record in a segment file: {@code [int length][int CRC32][bytes]}, big
 * endian. The length tells a torn write (the file ends inside the frame) from a complete record;
 * the CRC tells a complete frame from one whose bytes did not all reach the disk or rotted there.
 */
final class RecordFormat {
    static final int HEADER = 8;

    private RecordFormat() {}

    static ByteBuffer frame(byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + data.length);
        b.putInt(data.length).putInt(crc(data)).put(data).flip();
        return b;
    }

    /**
     * Reads the record that starts at {@code offset} in a segment whose valid bytes end at {@code
     * end}.
     *
     * @throws CorruptRecordException naming the problem when no intact record starts there
     */
    static byte[] read(FileChannel ch, long offset, long end) throws IOException {
        long left = end - offset;
        if (left < HEADER) {
            throw new CorruptRecordException(
                    "torn record at byte "
                            + offset
                            + ": "
                            + left
                            + " bytes, shorter than a header");
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        readFully(ch, header, offset);
        int length = header.getInt(0);
        if (length <= 0 || length > left - HEADER) {
            // Zero is never written: a zero-filled tail (crash after the file grew) lands here.
            throw new CorruptRecordException(
                    "torn record at byte "
                            + offset
                            + ": length "
                            + length
                            + " with "
                            + left
                            + " bytes left");
        }
        byte[] data = new byte[length];
        readFully(ch, ByteBuffer.wrap(data), offset + HEADER);
        if (crc(data) != header.getInt(4)) {
            throw new CorruptRecordException("CRC mismatch in the record at byte " + offset);
        }
        return data;
    }

    private static int crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return (int) crc.getValue();
    }

    static void writeFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
        while (b.hasRemaining()) {
            position += ch.write(b, position);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
        while (b.hasRemaining()) {
            int n = ch.read(b, position);
            if (n < 0) {
                throw new EOFException("segment ended at byte " + position);
            }
            position += n;
        }
    }

    /** No intact record where one was expected: a torn write or damaged bytes. */
    static final class CorruptRecordException extends IOException {
        CorruptRecordException(String message) {
            super(message);
        }
    }
}
