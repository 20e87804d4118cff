package dev.allot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class SvgTest {

  @Test
  void text_everyCharacterXmlForbids_givesAWellFormedDocument() throws IOException {
    // C0 controls but tab, line feed and carriage return; U+FFFE and U+FFFF; lone surrogates. A
    // pair is one character and stays, as do the markup characters and quotes, escaped.
    String content = "a&b<c>\u0001d\u0000e\u001Ff\"g'h\uFFFEi\uFFFFj\uD800k\uDFFFl\tm\uD83D\uDE00n";
    String svg = new Svg(10, 10).text(0, 0, content, 12, "start").toString();

    assertEquals(
        "a&b<c>\uFFFDd\uFFFDe\uFFFDf\"g'h\uFFFDi\uFFFDj\uFFFDk\uFFFDl\tm\uD83D\uDE00n",
        XmlDocuments.text(XmlDocuments.parse(svg), 0));
  }
}
