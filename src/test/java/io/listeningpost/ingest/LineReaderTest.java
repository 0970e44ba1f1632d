package io.listeningpost.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.ingest.read.LineReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  /** However a file is cut into splits, every line is read exactly once, by the split it starts in. */
  @Property(tries = 300)
  void splitsReadEveryLineExactlyOnce(@ForAll @Size(max = 40) List<@StringLength(max = 30) String> lines,
      @ForAll @IntRange(min = 1, max = 50) int splitBytes) throws Exception {
    List<String> clean = lines.stream().map(l -> l.replace('\n', ' ').replace('\r', ' ')).toList();
    byte[] file = String.join("\n", clean).getBytes(StandardCharsets.UTF_8);
    List<String> read = new ArrayList<>();
    for (long start = 0; start < file.length; start += splitBytes) {
      long end = Math.min(file.length, start + splitBytes);
      long from = start == 0 ? 0 : start - 1;
      ByteArrayInputStream in = new ByteArrayInputStream(file, (int) from, file.length - (int) from);
      LineReader r = new LineReader(in, start, end, 1 << 20);
      String line;
      while ((line = r.next()) != null) {
        read.add(line);
      }
    }
    // A final newline ends the last line rather than starting an empty one.
    List<String> expected = file.length == 0 ? List.of()
        : clean.get(clean.size() - 1).isEmpty() ? clean.subList(0, clean.size() - 1) : clean;
    assertThat(read).isEqualTo(expected);
  }

  @Test
  void oversizedLinesAreFlaggedAndInvalidUtf8IsReplaced() throws Exception {
    byte[] file = "short\nthis line is far too long\n\u00e9t\u00e9 ok\nbad \u0000 byte:".getBytes(StandardCharsets.UTF_8);
    byte[] withBadByte = new byte[file.length + 1];
    System.arraycopy(file, 0, withBadByte, 0, file.length);
    withBadByte[file.length] = (byte) 0xC3;
    LineReader r = new LineReader(new ByteArrayInputStream(withBadByte), 0, withBadByte.length, 12);
    assertThat(r.next()).isEqualTo("short");
    assertThat(r.oversized()).isFalse();
    assertThat(r.next()).isEqualTo("this line is");
    assertThat(r.oversized()).isTrue();
    assertThat(r.lineBytes()).isEqualTo(25);
    assertThat(r.next()).isEqualTo("été ok");
    assertThat(r.next()).isEqualTo("bad \u0000 byte:\uFFFD");
    assertThat(r.next()).isNull();
  }
}
