package io.listeningpost.generate;

import io.listeningpost.generate.RecordFates.Fate;
import io.listeningpost.generate.SyntheticCorpus.Item;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A forum's own CSV export, with column names of its own ({@code generated.conf} maps them) and epoch
 * seconds for times. A broken row has too few fields; repeats are appended at the end of the file.
 */
final class ForumCsvWriter implements PlatformExport {
  private final SyntheticCorpus corpus;
  private final RecordFates fates;

  ForumCsvWriter(SyntheticCorpus corpus, RecordFates fates) {
    this.corpus = corpus;
    this.fates = fates;
  }

  @Override
  public void write(Path dir, List<Item> mine, List<Item> all) throws IOException {
    Files.createDirectories(dir);
    try (Writer w = ExportFiles.open(dir.resolve("forum_export.csv"))) {
      w.write("id,reply_to,user,board,ts,likes,edited,message\n");
      List<String> later = new ArrayList<>();
      for (Item it : mine) {
        Fate fate = fates.next();
        String row = row(it, null);
        if (fate == Fate.BROKEN) {
          row = "n" + it.id() + ",,broken row without enough fields";
          fates.countBroken();
        } else if (fate == Fate.REPEATED) {
          later.add(row);
          fates.countRepeated(1);
        } else if (fate == Fate.REPEATED_EDITED) {
          later.add(row(it, it.created().plusSeconds(600)));
          fates.countRepeated(1);
          fates.countEdited();
        }
        w.write(row);
        w.write('\n');
      }
      for (String l : later) {
        w.write(l);
        w.write('\n');
      }
    }
  }

  private String row(Item it, Instant edited) {
    String text = (edited != null ? "[edited] " : "") + it.text();
    return "n" + it.id() + "," + (it.parent() < 0 ? "" : "n" + it.parent()) + "," + corpus.authorName(it.author()) + ","
        + SyntheticCorpus.COMMUNITIES.get(it.community()).name() + "," + it.created().getEpochSecond() + ","
        + Math.max(0, it.score()) + "," + (edited == null ? "" : edited.getEpochSecond()) + ",\""
        + text.replace("\"", "\"\"") + "\"";
  }
}
