package io.listeningpost.ingest.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import io.listeningpost.ingest.RecordSink;
import io.listeningpost.ingest.SourceAdapter;
import io.listeningpost.ingest.SourceContext;
import io.listeningpost.ingest.read.SplitReader;
import java.io.Reader;

/**
 * JSON objects (NDJSON, or a top-level array) mapped field by field. A mapped column may be a dotted
 * path into nested objects, e.g. {@code user.screen_name}.
 */
final class MappedJsonAdapter implements SourceAdapter, SplitReader.StreamingDocuments {

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

  private void record(JsonNode n, String position, String raw, SourceContext ctx, RecordSink sink) {
    if (!n.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    MappedRecords.emit(col -> {
      JsonNode v = n.at("/" + col.replace(".", "/"));
      if (v.isMissingNode() || v.isNull()) {
        return null;
      }
      return v.isValueNode() ? v.asText() : v.toString();
    }, position, raw, ctx, sink);
  }
}
