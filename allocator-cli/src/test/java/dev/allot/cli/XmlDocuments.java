package dev.allot.cli;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Reads the SVG the commands write with the JDK's XML parser, as a viewer or a script would. */
final class XmlDocuments {

  private XmlDocuments() {}

  /**
   * Parses {@code text}, failing as any conforming parser does on a document that is not
   * well-formed XML 1.0 (a control character, an unescaped {@code <}).
   */
  static Document parse(String text) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      // The SVG has no DOCTYPE; refusing one keeps the parser from fetching anything.
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      DocumentBuilder builder = factory.newDocumentBuilder();
      // The default handler prints the error to stderr as well as throwing it.
      builder.setErrorHandler(null);
      return builder.parse(new InputSource(new StringReader(text)));
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("not well-formed XML: " + e.getMessage(), e);
    }
  }

  /** The text of the {@code index}th {@code <text>} element. */
  static String text(Document document, int index) {
    return document.getElementsByTagName("text").item(index).getTextContent();
  }
}
