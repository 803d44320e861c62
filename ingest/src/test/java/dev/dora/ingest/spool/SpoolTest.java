package dev.dora.ingest.spool;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool's files on a real disk: order, segments, the persisted position and recovery. */
class SpoolTest {
    private static final long MAX = 1024 * 1024;
    private static final long SEGMENT = 48; // three 8-byte records (16 bytes framed) a segment

    @TempDir Path dir;

    @Test
    void readsRecordsInOrderAcrossSegmentsAndDeletesForwardedSegments() throws IOException {
        try (Spool spool = Spool.open(dir, MAX, SEGMENT)) {
            for (int i = 1; i <= 10; i++) {
                spool.append(record(i));
            }
            assertThat(spool.depth()).isEqualTo(10);
            assertThat(segmentFiles()).hasSize(4);
            assertThat(texts(spool.peek(100, MAX))).containsExactly(expected(1, 10));

            List<SpooledRecord> firstFour = spool.peek(4, MAX);
            spool.commit(firstFour.get(3));
            assertThat(spool.depth()).isEqualTo(6);
            assertThat(segmentFiles()).hasSize(3); // the first segment is forwarded and gone
            assertThat(texts(spool.peek(100, MAX))).containsExactly(expected(5, 10));

            spool.commit(spool.peek(100, MAX).get(5));
            assertThat(spool.depth()).isZero();
            assertThat(spool.peek(100, MAX)).isEmpty();
            assertThat(segmentFiles()).isEmpty();
            assertThat(spool.bytes()).isZero();

            spool.append(record(11)); // a fresh segment after the drained ones
            assertThat(texts(spool.peek(100, MAX))).containsExactly("record-11");
        }
    }

    @Test
    void peekStopsAtTheByteLimitButReturnsAtLeastOneRecord() throws IOException {
        try (Spool spool = Spool.open(dir, MAX, SEGMENT)) {
            spool.append(record(1));
            spool.append(record(2));
            assertThat(spool.peek(100, 1)).hasSize(1);
            assertThat(spool.peek(100, 20)).hasSize(2);
        }
    }

    @Test
    void reopeningKeepsPendingRecordsAndThePosition() throws IOException {
        try (Spool spool = Spool.open(dir, MAX, SEGMENT)) {
            for (int i = 1; i <= 5; i++) {
                spool.append(record(i));
            }
            spool.commit(spool.peek(2, MAX).get(1));
        }
        try (Spool spool = Spool.open(dir, MAX, SEGMENT)) {
            assertThat(spool.depth()).isEqualTo(3);
            assertThat(texts(spool.peek(100, MAX))).containsExactly(expected(3, 5));
            spool.append(record(6));
            assertThat(texts(spool.peek(100, MAX))).containsExactly(expected(3, 6));
        }
    }

    @Test
    void aTornLastRecordIsTruncatedAtOpenAndEarlierRecordsSurvive() throws IOException {
        try (Spool spool = Spool.open(dir, MAX)) {
            spool.append(record(1));
            spool.append(record(2));
        }
        Path segment = segmentFiles().get(0);
        long intact = Files.size(segment);
        // A crash in the middle of an append: the header promises 100 bytes, 5 arrived.
        ByteBuffer torn =
                ByteBuffer.allocate(13).putInt(100).putInt(0).put("recor".getBytes(UTF_8));
        appendRaw(segment, torn.flip());

        try (Spool spool = Spool.open(dir, MAX)) {
            assertThat(Files.size(segment)).isEqualTo(intact);
            assertThat(spool.depth()).isEqualTo(2);
            spool.append(record(3));
            assertThat(texts(spool.peek(100, MAX))).containsExactly(expected(1, 3));
        }
    }

    @Test
    void aZeroFilledTailIsTruncatedToo() throws IOException {
        try (Spool spool = Spool.open(dir, MAX)) {
            spool.append(record(1));
        }
        appendRaw(segmentFiles().get(0), ByteBuffer.allocate(16));
        try (Spool spool = Spool.open(dir, MAX)) {
            assertThat(texts(spool.peek(100, MAX))).containsExactly("record-1");
        }
    }

    @Test
    void aCrcMismatchInTheLastRecordIsTreatedAsATornWrite() throws IOException {
        try (Spool spool = Spool.open(dir, MAX)) {
            spool.append(record(1));
            spool.append(record(2));
        }
        Path segment = segmentFiles().get(0);
        flipByte(segment, Files.size(segment) - 1); // last byte of record 2's data

        try (Spool spool = Spool.open(dir, MAX)) {
            assertThat(texts(spool.peek(100, MAX))).containsExactly("record-1");
        }
    }

    @Test
    void aCrcMismatchInAnEarlierSegmentStopsOpeningWithTheFileName() throws IOException {
        try (Spool spool = Spool.open(dir, MAX, SEGMENT)) {
            for (int i = 1; i <= 4; i++) {
                spool.append(record(i));
            }
        }
        Path first = segmentFiles().get(0);
        flipByte(first, 9);

        assertThatThrownBy(() -> Spool.open(dir, MAX, SEGMENT))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(first.toString())
                .hasMessageContaining("CRC mismatch");
    }

    @Test
    void aCrcMismatchAfterOpeningIsReportedByPeek() throws IOException {
        try (Spool spool = Spool.open(dir, MAX)) {
            spool.append(record(1));
            flipByte(segmentFiles().get(0), 9);

            assertThatThrownBy(() -> spool.peek(1, MAX)).hasMessageContaining("CRC mismatch");
            assertThat(spool.depth()).isEqualTo(1); // nothing is dropped silently
        }
    }

    @Test
    void aFullSpoolRefusesAppendsUntilRecordsAreForwarded() throws IOException {
        // Each record takes 8 + 8 bytes: three fit in 48 bytes, a fourth does not.
        try (Spool spool = Spool.open(dir, 48)) {
            spool.append(record(1));
            spool.append(record(2));
            spool.append(record(3));
            assertThatThrownBy(() -> spool.append(record(4)))
                    .isInstanceOf(SpoolFullException.class)
                    .hasMessageContaining("full");
            assertThat(spool.depth()).isEqualTo(3);

            spool.commit(spool.peek(100, MAX).get(2));
            spool.append(record(4));
            assertThat(texts(spool.peek(100, MAX))).containsExactly("record-4");
        }
    }

    @Test
    void committingARecordThatIsNotPendingIsRefused() throws IOException {
        try (Spool spool = Spool.open(dir, MAX)) {
            spool.append(record(1));
            SpooledRecord first = spool.peek(1, MAX).get(0);
            spool.commit(first);
            assertThatThrownBy(() -> spool.commit(first))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aSpoolDirectoryHasOneOwnerAtATime() throws IOException {
        try (Spool spool = Spool.open(dir, MAX)) {
            assertThatThrownBy(() -> Spool.open(dir, MAX)).hasMessageContaining("in use");
        }
        Spool.open(dir, MAX).close(); // released on close
    }

    private static byte[] record(int i) {
        return ("record-" + i).getBytes(UTF_8);
    }

    private static String[] expected(int from, int to) {
        String[] out = new String[to - from + 1];
        for (int i = from; i <= to; i++) {
            out[i - from] = "record-" + i;
        }
        return out;
    }

    private static List<String> texts(List<SpooledRecord> records) {
        return records.stream().map(r -> new String(r.data(), UTF_8)).toList();
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
        }
    }

    private static void appendRaw(Path file, ByteBuffer bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.APPEND)) {
            ch.write(bytes);
        }
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (FileChannel ch =
                FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, position);
            b.put(0, (byte) (b.get(0) ^ 0x5a)).rewind();
            ch.write(b, position);
        }
    }
}
