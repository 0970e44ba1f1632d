package io.listeningpost.ingest.adapters;

import java.io.Reader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one StAX factory of the project, locked down: no DTDs, no external entities, no entity
 * expansion. That closes XXE and "billion laughs" whatever the input says.
 */
final class Xml {
  private static final XMLInputFactory FACTORY = create();

  private Xml() {}

  private static XMLInputFactory create() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setProperty("javax.xml.stream.isNamespaceAware", true);
    f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
      throw new XMLStreamException("external entity not allowed: " + systemId);
    });
    return f;
  }

  static XMLStreamReader reader(Reader in) throws XMLStreamException {
    return FACTORY.createXMLStreamReader(in);
  }
}
