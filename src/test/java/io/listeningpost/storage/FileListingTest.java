package io.listeningpost.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Table listings that tell whether what a stage reads or wrote has changed. */
class FileListingTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 29);

  @TempDir
  Path wh;

  private Path file(String relative, String content) throws Exception {
    Path p = wh.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2026-11-30T02:00:00Z")));
    return p;
  }

  @Test
  void partitionsAreListedUpToOrOnlyOnTheDayAskedAndHiddenFilesAreLeftOut() throws Exception {
    file("influencers/dt=2026-11-28/part-0.parquet", "a");
    file("influencers/dt=2026-11-29/part-0.parquet", "bb");
    file("influencers/dt=2026-11-30/part-0.parquet", "ccc");
    file("influencers/dt=2026-11-29/.part-0.parquet.crc", "x");
    file("influencers/_SUCCESS", "");
    FileListing listing = new FileListing(new Configuration(), wh.toString());

    assertThat(listing.table(Tables.INFLUENCERS, FileListing.Partitions.UP_TO, DAY)).containsExactly(
        "influencers/dt=2026-11-28/part-0.parquet\t1\t1796004000000",
        "influencers/dt=2026-11-29/part-0.parquet\t2\t1796004000000");
    assertThat(listing.table(Tables.INFLUENCERS, FileListing.Partitions.ONLY, DAY)).containsExactly(
        "influencers/dt=2026-11-29/part-0.parquet\t2\t1796004000000");
    assertThat(listing.table(Tables.INFLUENCERS, FileListing.Partitions.ALL, DAY)).hasSize(3);
    assertThat(listing.table(Tables.ALERTS, FileListing.Partitions.ALL, DAY)).containsExactly("alerts/(absent)");
  }

  @Test
  void theDigestChangesWithAFilesSizeOrTimeAndNotWithReading() throws Exception {
    Path f = file("authors/part-0.parquet", "one");
    FileListing listing = new FileListing(new Configuration(), wh.toString());
    String before = FileListing.digest(listing.table(Tables.AUTHORS, FileListing.Partitions.ALL, DAY));

    Files.readString(f);
    assertThat(FileListing.digest(listing.table(Tables.AUTHORS, FileListing.Partitions.ALL, DAY))).isEqualTo(before);
    Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2026-11-30T03:00:00Z")));
    String touched = FileListing.digest(listing.table(Tables.AUTHORS, FileListing.Partitions.ALL, DAY));
    assertThat(touched).isNotEqualTo(before);
    assertThat(FileListing.digest(List.of("a", "b"))).isNotEqualTo(FileListing.digest(List.of("b", "a")))
        .hasSize(24);
  }

  @Test
  void aLocalFolderIsListedAsHadoopListsItOnAnyOtherFileSystem() throws Exception {
    file("posts/dt=2026-11-28/part-0.parquet", "a");
    file("posts/dt=2026-11-29/part-1.parquet", "bb");
    file("posts/dt=2026-11-29/.part-1.parquet.crc", "x");
    org.apache.hadoop.fs.Path posts = new org.apache.hadoop.fs.Path(wh.resolve("posts").toUri());
    org.apache.hadoop.fs.RawLocalFileSystem raw = new org.apache.hadoop.fs.RawLocalFileSystem();
    raw.initialize(wh.toUri(), new Configuration());
    List<String> viaHadoop = new java.util.ArrayList<>();
    var it = raw.listFiles(posts, true);
    while (it.hasNext()) {
      var f = it.next();
      String name = f.getPath().toUri().getPath().substring(wh.resolve("posts").toString().length() + 1);
      if (!name.contains("/.")) {
        viaHadoop.add(name + "\t" + f.getLen() + "\t" + f.getModificationTime());
      }
    }
    viaHadoop.sort(String::compareTo);

    assertThat(new FileListing(new Configuration(), wh.toString()).files(posts)).isEqualTo(viaHadoop).hasSize(2);
  }
}
