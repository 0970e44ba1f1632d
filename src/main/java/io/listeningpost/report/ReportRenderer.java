package io.listeningpost.report;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.escaper.EscapingStrategy;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the report page and its Markdown summary from templates that escape every value by default:
 * HTML escaping for the page, Markdown escaping for the summary. Written raw are only the chart data, which
 * {@link ChartData} escapes for a script element, our chart script and the ECharts library from its webjar
 * (both allowed by hash in the page's Content-Security-Policy), and in the summary, links that
 * {@link SafeLink} passed (absolute http and https, which cannot hold markup).
 */
public final class ReportRenderer {
  static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
  private static final String PREFIX = "io/listeningpost/report/";

  private final PebbleEngine html;
  private final PebbleEngine markdown;
  private final String echarts;
  private final String charts;

  public ReportRenderer() {
    ClasspathLoader htmlLoader = new ClasspathLoader(ReportRenderer.class.getClassLoader());
    htmlLoader.setPrefix(PREFIX);
    html = new PebbleEngine.Builder().loader(htmlLoader).autoEscaping(true).defaultEscapingStrategy("html")
        .strictVariables(true).newLineTrimming(false).cacheActive(false).build();
    ClasspathLoader mdLoader = new ClasspathLoader(ReportRenderer.class.getClassLoader());
    mdLoader.setPrefix(PREFIX);
    markdown = new PebbleEngine.Builder().loader(mdLoader).autoEscaping(true)
        .addEscapingStrategy("markdown", new MarkdownEscaping()).defaultEscapingStrategy("markdown")
        .strictVariables(true).newLineTrimming(false).cacheActive(false).build();
    echarts = resource(ECHARTS);
    charts = resource(PREFIX + "report-charts.js");
  }

  public String html(ReportFacts facts, ReportView view) {
    Map<String, Object> context = new HashMap<>();
    context.put("view", view);
    context.put("chartData", ChartData.json(facts));
    context.put("echarts", echarts);
    context.put("charts", charts);
    // The page's Content-Security-Policy lets these two scripts run and no other, injected or not.
    context.put("echartsHash", sha256(echarts));
    context.put("chartsHash", sha256(charts));
    return render(html.getTemplate("report.html.peb"), context);
  }

  public String markdown(ReportView view) {
    return render(markdown.getTemplate("summary.md.peb"), Map.of("view", view));
  }

  private static String render(PebbleTemplate template, Map<String, Object> context) {
    StringWriter out = new StringWriter();
    try {
      template.evaluate(out, context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String sha256(String script) {
    try {
      return Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = ReportRenderer.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the class path (org.webjars.npm:echarts)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Text from posts and names becomes literal Markdown text on one line: line breaks become spaces, so a
   * value never starts a line, and every character that can open markup or HTML inside a line (emphasis,
   * code, links, tables, strike-through, tags and entities) is backslash-escaped.
   */
  static final class MarkdownEscaping implements EscapingStrategy {
    private static final String SPECIAL = "\\`*_[]<>|~&";

    @Override
    public String escape(String input) {
      StringBuilder sb = new StringBuilder(input.length() + 16);
      for (int i = 0; i < input.length(); i++) {
        char c = input.charAt(i);
        if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
          sb.append(' ');
        } else if (SPECIAL.indexOf(c) >= 0) {
          sb.append('\\').append(c);
        } else {
          sb.append(c);
        }
      }
      return sb.toString();
    }
  }
}
