package io.listeningpost.ingest.adapters;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.listeningpost.core.QuarantineRecord;
import io.listeningpost.ingest.RecordSink;
import io.listeningpost.ingest.SourceContext;
import java.io.IOException;
import java.io.Reader;

/**
 * Streams the records of a JSON document: the elements of a top-level array, or a sequence of
 * top-level objects. One record at a time is in memory. A record the adapter rejects is quarantined
 * alone; broken JSON syntax ends the stream, and the caller quarantines the rest of the file.
 */
final class JsonDocuments {
  interface RecordHandler {
    void handle(JsonNode record, String position) throws Exception;
  }

  private JsonDocuments() {}

  static void forEach(Reader in, SourceContext ctx, RecordSink sink, String table, RecordHandler handler)
      throws IOException {
    try (JsonParser p = Json.FACTORY.createParser(in)) {
      JsonToken t = p.nextToken();
      boolean array = t == JsonToken.START_ARRAY;
      if (array) {
        t = p.nextToken();
      }
      int index = 0;
      while (t != null && t != JsonToken.END_ARRAY) {
        int line = p.currentTokenLocation().getLineNr();
        JsonNode node = Json.MAPPER.readTree(p);
        String position = array ? "element " + index + " (line " + line + ")" : "line " + line;
        index++;
        try {
          handler.handle(node, position);
        } catch (Exception e) {
          sink.quarantine(new QuarantineRecord(ctx.file(), ctx.spec().format().configName(), table, position,
              QuarantineRecord.excerptOf(node.toString()), e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        t = p.nextToken();
      }
    }
  }
}
