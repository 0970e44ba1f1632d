package io.listeningpost.ingest.adapters;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.listeningpost.ingest.RecordSink;
import io.listeningpost.ingest.SourceAdapter;
import io.listeningpost.ingest.SourceContext;
import io.listeningpost.ingest.read.SplitReader;
import java.io.Reader;
import java.util.List;
import java.util.Map;

/**
 * CSV with a header row, mapped column by column. Read as one stream per file, because quoted
 * fields may hold newlines. A row with the wrong number of fields is quarantined alone.
 */
final class MappedCsvAdapter implements SourceAdapter, SplitReader.StreamingDocuments {
  private static final CsvMapper CSV = CsvMapper.builder()
      .enable(CsvParser.Feature.TRIM_SPACES)
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
      .build();

  @Override
  public Layout layout(String fileName, String head) {
    return Layout.DOCUMENT;
  }

  @Override
  public void parseDocument(Reader in, SourceContext ctx, RecordSink sink) throws Exception {
    CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(ctx.spec().delimiter().charAt(0));
    try (MappingIterator<List<String>> rows = CSV.readerForListOf(String.class)
        .with(CsvParser.Feature.WRAP_AS_ARRAY).with(schema.withoutHeader()).readValues(in)) {
      if (!rows.hasNextValue()) {
        return;
      }
      List<String> header = rows.nextValue();
      if (header.size() > 0 && header.get(0).startsWith("\uFEFF")) {
        header.set(0, header.get(0).substring(1));
      }
      for (Map.Entry<String, String> e : ctx.spec().mapping().entrySet()) {
        if (!header.contains(e.getValue())) {
          throw new IllegalArgumentException("column '" + e.getValue() + "' of mapping." + e.getKey()
              + " is not in the header " + header);
        }
      }
      while (true) {
        long line = rows.getCurrentLocation().getLineNr();
        List<String> row;
        try {
          if (!rows.hasNextValue()) {
            break;
          }
          row = rows.nextValue();
        } catch (RuntimeException e) {
          sink.quarantine(ctx.quarantine("posts", "line " + line, null, "malformed CSV: " + e.getMessage()));
          continue;
        }
        String position = "line " + line;
        String raw = String.join(ctx.spec().delimiter(), row);
        if (row.size() != header.size()) {
          sink.quarantine(ctx.quarantine("posts", position, raw,
              "row has " + row.size() + " fields, the header has " + header.size()));
          continue;
        }
        try {
          MappedRecords.emit(col -> row.get(header.indexOf(col)), position, raw, ctx, sink);
        } catch (RuntimeException e) {
          sink.quarantine(ctx.quarantine("posts", position, raw, e.getMessage()));
        }
      }
    }
  }
}
