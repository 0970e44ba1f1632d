package io.listeningpost.ingest.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import io.listeningpost.core.config.TimeFormats;
import io.listeningpost.ingest.RecordSink;
import io.listeningpost.ingest.SourceAdapter;
import io.listeningpost.ingest.SourceContext;
import io.listeningpost.ingest.read.SplitReader;
import java.io.Reader;
import java.time.Instant;

/**
 * The shared reading of JSON sources: NDJSON line by line, or a streamed document (an array or a run of
 * pretty-printed objects), each record handed to {@link #record}.
 */
abstract class JsonRecordAdapter implements SourceAdapter, SplitReader.StreamingDocuments {

  /** Turns one JSON record into canonical rows; an exception quarantines the record. */
  abstract void record(JsonNode node, String position, String raw, SourceContext ctx, RecordSink sink);

  @Override
  public Layout layout(String fileName, String head) {
    return Json.layoutOf(head);
  }

  @Override
  public void parseLine(String line, String position, SourceContext ctx, RecordSink sink) throws Exception {
    record(Json.MAPPER.readTree(line), position, line, ctx, sink);
  }

  @Override
  public void parseDocument(Reader in, SourceContext ctx, RecordSink sink) throws Exception {
    JsonDocuments.forEach(in, ctx, sink, "posts", (node, position) -> record(node, position, node.toString(), ctx, sink));
  }

  static void requireObject(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
  }

  /** An ISO-8601 time, or null when absent or unreadable (the post is then quarantined for it). */
  static Instant isoTime(String v) {
    if (v == null) {
      return null;
    }
    try {
      return TimeFormats.parseIso(v);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
