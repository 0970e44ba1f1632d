package io.listeningpost.ingest.adapters;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.listeningpost.ingest.SourceAdapter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Shared, locked-down Jackson set-up and the null-safe field access every JSON adapter needs. */
final class Json {
  /**
   * Depth and size caps stop hostile input (deeply nested arrays, huge numbers) from costing more
   * than a quarantine row; source excerpts stay out of error messages.
   */
  static final ObjectMapper MAPPER = new ObjectMapper(new JsonFactoryBuilder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(500).maxNumberLength(100).maxStringLength(64 << 20).build())
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build());
  static final JsonFactory FACTORY = MAPPER.getFactory();

  private Json() {}

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  static Long number(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return v.asLong();
    }
    if (v.isTextual()) {
      try {
        return Long.parseLong(v.asText().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** Epoch seconds given as a number or a numeric string (Reddit writes both). */
  static Instant epochSeconds(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    double seconds;
    if (v.isNumber()) {
      seconds = v.asDouble();
    } else if (v.isTextual()) {
      try {
        seconds = Double.parseDouble(v.asText());
      } catch (NumberFormatException e) {
        return null;
      }
    } else {
      return null;
    }
    return Instant.ofEpochMilli(Math.round(seconds * 1000));
  }

  static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    if (array != null && array.isArray()) {
      for (JsonNode n : array) {
        String v = field == null ? (n.isValueNode() ? n.asText() : null) : text(n, field);
        if (v != null && !v.isBlank()) {
          out.add(v);
        }
      }
    }
    return out;
  }

  /**
   * NDJSON when the first line alone is a whole JSON value, a streamed document otherwise (a
   * pretty-printed object, an array, or several pretty-printed objects in a row).
   */
  static SourceAdapter.Layout layoutOf(String head) {
    String trimmed = head.stripLeading();
    if (trimmed.startsWith("\uFEFF")) {
      trimmed = trimmed.substring(1).stripLeading();
    }
    if (trimmed.startsWith("[")) {
      return SourceAdapter.Layout.DOCUMENT;
    }
    int nl = trimmed.indexOf('\n');
    if (nl < 0) {
      return SourceAdapter.Layout.LINES;
    }
    try {
      MAPPER.readTree(trimmed.substring(0, nl));
      return SourceAdapter.Layout.LINES;
    } catch (Exception e) {
      return SourceAdapter.Layout.DOCUMENT;
    }
  }
}
