package io.listeningpost.ingest;

import java.io.Reader;

/**
 * A source format's parser: a plain Java function from raw records to canonical rows, without Spark.
 * Implementations are stateless and thread-safe.
 */
public interface SourceAdapter {

  /** Decides from the file's name and its first characters how the file is read. */
  Layout layout(String fileName, String head);

  /**
   * Parses one line of a line-oriented file. An exception quarantines the line, with the exception's
   * message as the reason.
   */
  default void parseLine(String line, String position, SourceContext ctx, RecordSink sink) throws Exception {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " reads whole documents");
  }

  /**
   * Parses a whole file. The adapter quarantines the records it cannot read and goes on; an exception
   * quarantines the rest of the file, with the exception's message as the reason.
   */
  default void parseDocument(Reader in, SourceContext ctx, RecordSink sink) throws Exception {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " reads line by line");
  }

  /** How a file is read. */
  enum Mode {
    /** One record per line; large files are split and read in parallel. */
    LINES,
    /** The file is one document (a feed, a thread, a JSON array) read as a stream by one task. */
    DOCUMENT,
    /** The format does not use this file (e.g. Stack Exchange Votes.xml); reported, not read. */
    IGNORED
  }

  /** A file's reading mode, with a note saying why a file is ignored. */
  record Layout(Mode mode, String note) {
    public static final Layout LINES = new Layout(Mode.LINES, null);
    public static final Layout DOCUMENT = new Layout(Mode.DOCUMENT, null);

    public static Layout ignored(String why) {
      return new Layout(Mode.IGNORED, why);
    }
  }
}
