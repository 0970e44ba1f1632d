package io.listeningpost.audiences.topics;

import io.listeningpost.ingest.text.MarkupText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Questions of a Stack Exchange dump's Posts.xml with their first tag, the topic label the quality test
 * scores against. Title and Body become plain text the way ingest makes them ({@link MarkupText}), so the
 * test sees what the audiences stage will see.
 */
record StackExchangeQuestions(List<Question> all) {

  record Question(String id, String creationDate, String title, String body, String firstTag) {}

  /** Questions (PostTypeId 1) that carry a tag, oldest first (ties by id). */
  static StackExchangeQuestions read(Path postsXml) throws IOException, XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    // A test reading a file still should not resolve DTDs or external entities.
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    List<Question> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(postsXml)) {
      XMLStreamReader r = factory.createXMLStreamReader(in);
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("row")
            && "1".equals(r.getAttributeValue(null, "PostTypeId"))) {
          String tag = firstTag(r.getAttributeValue(null, "Tags"));
          if (tag != null) {
            out.add(new Question(r.getAttributeValue(null, "Id"), r.getAttributeValue(null, "CreationDate"),
                MarkupText.decodeEntities(nullToEmpty(r.getAttributeValue(null, "Title"))),
                MarkupText.fromHtml(nullToEmpty(r.getAttributeValue(null, "Body"))).text(), tag));
          }
        }
      }
      r.close();
    }
    out.sort(Comparator.comparing(Question::creationDate).thenComparing(q -> Integer.parseInt(q.id())));
    return new StackExchangeQuestions(List.copyOf(out));
  }

  /** The first tag of "&lt;a&gt;&lt;b&gt;" (older dumps) or "|a|b|" (newer ones), or null without tags. */
  static String firstTag(String tags) {
    if (tags == null || tags.isBlank()) {
      return null;
    }
    String[] parts = tags.startsWith("|") ? tags.split("\\|") : tags.split("[<>]");
    for (String p : parts) {
      if (!p.isBlank()) {
        return p;
      }
    }
    return null;
  }

  /** Whether question i is in the older half (the first floor(n / 2) by creation date). */
  boolean older(int i) {
    return i < all.size() / 2;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
