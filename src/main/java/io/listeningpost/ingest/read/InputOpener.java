package io.listeningpost.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

/** Opens an input file at a byte offset: the local file system in tests, Hadoop's on Spark. */
@FunctionalInterface
public interface InputOpener extends Serializable {
  InputStream open(String path, long offset) throws IOException;
}
