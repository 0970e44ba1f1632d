package io.listeningpost.generate;

import io.listeningpost.generate.SyntheticCorpus.Item;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes one platform's share of the corpus in that platform's export format. */
interface PlatformExport {
  /**
   * Writes {@code mine} under {@code dir}; {@code all} is the whole corpus, indexed by item id, for the
   * parents that replies point at.
   */
  void write(Path dir, List<Item> mine, List<Item> all) throws IOException;
}
