package dev.dora.warehouse.compaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A swap interrupted by a crash is finished after the rename and undone before it. */
class FileSwapTest {
    @TempDir Path dir;

    @Test
    void interruptedBeforeTheRenameKeepsTheOriginals() throws Exception {
        List<Path> originals = originals();
        FileSwap swap = new FileSwap(dir, originals);
        Files.writeString(swap.temporary, "half written");

        assertThat(FileSwap.finishInterrupted(dir)).isEqualTo(1);

        assertThat(names()).containsExactly("part-1.parquet", "part-2.parquet");
    }

    @Test
    void interruptedAfterTheRenameDeletesTheOriginals() throws Exception {
        FileSwap swap = new FileSwap(dir, originals());
        Files.writeString(swap.temporary, "complete");
        Files.move(swap.temporary, swap.target); // the crash comes right after the commit point

        assertThat(FileSwap.finishInterrupted(dir)).isEqualTo(1);

        assertThat(names()).containsExactly(swap.target.getFileName().toString());
    }

    @Test
    void aCommittedSwapLeavesOnlyTheNewFile() throws Exception {
        FileSwap swap = new FileSwap(dir, originals());
        Files.writeString(swap.temporary, "complete");

        swap.commit(true);

        assertThat(names()).containsExactly(swap.target.getFileName().toString());
        assertThat(FileSwap.finishInterrupted(dir)).isZero();
    }

    private List<Path> originals() throws Exception {
        Path a = Files.writeString(dir.resolve("part-1.parquet"), "a");
        Path b = Files.writeString(dir.resolve("part-2.parquet"), "b");
        return List.of(a, b);
    }

    private List<String> names() throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
