package io.listeningpost.ingest.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import io.listeningpost.ingest.RecordSink;
import io.listeningpost.ingest.SourceContext;

/**
 * JSON objects (NDJSON, or a top-level array) mapped field by field. A mapped column may be a dotted
 * path into nested objects, e.g. {@code user.screen_name}.
 */
final class MappedJsonAdapter extends JsonRecordAdapter {




  @Override
  void record(JsonNode n, String position, String raw, SourceContext ctx, RecordSink sink) {
    requireObject(n);
    MappedRecords.emit(col -> {
      JsonNode v = n.at("/" + col.replace(".", "/"));
      if (v.isMissingNode() || v.isNull()) {
        return null;
      }
      return v.isValueNode() ? v.asText() : v.toString();
    }, position, raw, ctx, sink);
  }
}
