package io.listeningpost.generate;

import java.io.IOException;
import java.nio.file.Path;

/** The output folder holds something the generator did not write, and it was not told to replace it. */
public final class FolderNotGeneratedException extends IOException {
  FolderNotGeneratedException(Path out) {
    super(out + " is not empty and was not written by `generate` (it has no " + GeneratedFolder.MARKER
        + " file), so it is left alone. Choose a new or empty folder, or pass --force to delete its contents.");
  }
}
