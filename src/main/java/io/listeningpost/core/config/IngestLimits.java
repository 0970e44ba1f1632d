package io.listeningpost.core.config;

import java.io.Serializable;

/** The limits every adapter applies to raw input; see the ingest.* keys. */
public record IngestLimits(int maxTextChars, long maxRecordBytes, long splitBytes, boolean failFast)
    implements Serializable {

  public static IngestLimits defaults() {
    return new IngestLimits(ConfigKeys.MAX_TEXT_CHARS.defaultValue(),
        ConfigKeys.MAX_RECORD_BYTES.defaultValue(), ConfigKeys.SPLIT_BYTES.defaultValue(), false);
  }
}
