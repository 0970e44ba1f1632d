package io.listeningpost.ingest.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns HTML (Stack Exchange bodies, Mastodon content, feeds) and Markdown (Reddit) into plain text
 * with entities decoded and paragraph breaks kept, and collects the links the markup carried.
 * Plain input takes a fast path: most tweets and many comments have no markup at all.
 */
public final class MarkupText {
  private static final Parser MARKDOWN = Parser.builder().build();
  private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
      "h6", "pre", "blockquote", "tr", "table", "hr", "section", "article", "header", "footer", "dd", "dt");

  private MarkupText() {}

  /** Plain text of an HTML fragment, with the href of every link. */
  public static Result fromHtml(String html) {
    if (html == null || html.isEmpty()) {
      return new Result("", List.of());
    }
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      return new Result(html, List.of());
    }
    Document doc = Jsoup.parseBodyFragment(html);
    Set<String> links = new LinkedHashSet<>();
    StringBuilder out = new StringBuilder(html.length());
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(org.jsoup.nodes.Node node, int depth) {
        if (node instanceof TextNode t) {
          Element parent = t.parent();
          boolean pre = parent != null && (parent.tagName().equals("pre") || parent.tagName().equals("code"));
          String text = pre ? t.getWholeText() : collapse(t.getWholeText());
          boolean atBreak = out.length() == 0 || out.charAt(out.length() - 1) == ' ' || out.charAt(out.length() - 1) == '\n';
          out.append(atBreak && text.startsWith(" ") ? text.substring(1) : text);
        } else if (node instanceof Element e) {
          // Links are collected in the same walk: a CSS select would walk the tree once more.
          if (e.normalName().equals("a")) {
            String href = e.attr("href");
            if (href.startsWith("http://") || href.startsWith("https://")) {
              links.add(href);
            }
          }
          if (BLOCKS.contains(e.normalName()) && out.length() > 0) {
            newline(out);
          }
        }
      }

      @Override
      public void tail(org.jsoup.nodes.Node node, int depth) {
        if (node instanceof Element e && BLOCKS.contains(e.normalName()) && !e.normalName().equals("br")) {
          newline(out);
        }
      }
    }, doc.body());
    return new Result(out.toString().strip(), new ArrayList<>(links));
  }

  /** Plain text of a Markdown text whose HTML entities may be escaped (as Reddit exports are). */
  public static Result fromMarkdown(String markdown) {
    if (markdown == null || markdown.isEmpty()) {
      return new Result("", List.of());
    }
    String md = markdown.indexOf('&') >= 0 ? unescape(markdown) : markdown;
    if (!hasMarkdownSyntax(md)) {
      return new Result(md, List.of());
    }
    Node doc = MARKDOWN.parse(md);
    Set<String> links = new LinkedHashSet<>();
    doc.accept(new AbstractVisitor() {
      @Override
      public void visit(Link link) {
        String dest = link.getDestination();
        if (dest != null && (dest.startsWith("http://") || dest.startsWith("https://"))) {
          links.add(dest);
        }
        visitChildren(link);
      }

      @Override
      public void visit(Image image) {
        visitChildren(image);
      }
    });
    StringBuilder out = new StringBuilder(md.length());
    doc.accept(new AbstractVisitor() {
      @Override
      public void visit(Text text) {
        out.append(text.getLiteral());
      }

      @Override
      public void visit(Code code) {
        out.append(code.getLiteral());
      }

      @Override
      public void visit(FencedCodeBlock code) {
        out.append(code.getLiteral());
        newline(out);
      }

      @Override
      public void visit(IndentedCodeBlock code) {
        out.append(code.getLiteral());
        newline(out);
      }

      @Override
      public void visit(SoftLineBreak br) {
        out.append('\n');
      }

      @Override
      public void visit(HardLineBreak br) {
        out.append('\n');
      }

      @Override
      public void visit(HtmlInline html) {
        // inline HTML tags carry no text of their own
      }

      @Override
      public void visit(Paragraph p) {
        visitChildren(p);
        newline(out);
      }

      @Override
      public void visit(Heading h) {
        visitChildren(h);
        newline(out);
      }

      @Override
      public void visit(ListItem item) {
        visitChildren(item);
        newline(out);
      }

      @Override
      public void visit(ThematicBreak br) {
        newline(out);
      }
    });
    return new Result(out.toString().strip(), new ArrayList<>(links));
  }

  /** Decodes HTML entities in an otherwise plain text (Stack Exchange comments, tweets). */
  public static String decodeEntities(String text) {
    if (text == null || text.indexOf('&') < 0) {
      return text;
    }
    return unescape(text);
  }

  /**
   * Entities decoded by the rules HTML applies inside attributes: a legacy name with no semicolon
   * before a letter, digit or '=' stays as written, so that raw query strings in plain text, such as
   * {@code ?a=1&section=2} in a Reddit comment, are not turned into {@code ?a=1§ion=2}.
   */
  private static String unescape(String text) {
    return org.jsoup.parser.Parser.unescapeEntities(text, true);
  }

  private static boolean hasMarkdownSyntax(String s) {
    for (int i = 0; i < s.length(); i++) {
      switch (s.charAt(i)) {
        case '*', '_', '[', '`', '#', '>', '~', '\\', '|' -> {
          return true;
        }
        case '\n' -> {
          if (i + 1 < s.length() && (s.charAt(i + 1) == '-' || s.charAt(i + 1) == '+'
              || Character.isDigit(s.charAt(i + 1)) || s.charAt(i + 1) == ' ')) {
            return true;
          }
        }
        default -> { }
      }
    }
    return s.startsWith("-") || s.startsWith("+") || s.startsWith("    ");
  }

  private static String collapse(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        space = true;
      } else {
        if (space) {
          b.append(' ');
        }
        space = false;
        b.append(c);
      }
    }
    if (space && b.length() > 0) {
      b.append(' ');
    }
    return b.toString();
  }

  private static void newline(StringBuilder out) {
    int n = out.length();
    while (n > 0 && out.charAt(n - 1) == ' ') {
      out.setLength(--n);
    }
    if (n > 0 && out.charAt(n - 1) != '\n') {
      out.append('\n');
    }
  }

  /** Plain text and the absolute links found in the markup. */
  public record Result(String text, List<String> links) {}
}
