// Charts for the notebooks: a Spark query result becomes a JFreeChart dataset, drawn to a PNG image.
// Load it with `%load charts.jsh` after `%jar ../target/notebook-lib` (which holds JFreeChart); a cell whose
// last expression is one of these images shows the chart (the kernel sends a RenderedImage as image/png).
//
// Column convention for every chart: the first column is the category (bars) or the day (lines); with
// three columns the second names the series; the last column is the value. Rows keep the query's order,
// and rows with a null value are left out.
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

class Charts {
  static int width = 960;
  static int height = 440;
  static final Color[] PALETTE = {
      new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd),
      new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

  /** Vertical bars: (category, value) or (category, series, value). */
  static BufferedImage bars(String title, String valueAxis, Dataset<Row> rows) {
    return bars(title, valueAxis, rows, PlotOrientation.VERTICAL);
  }

  /** Horizontal bars, for long category names: (category, value) or (category, series, value). */
  static BufferedImage barsHorizontal(String title, String valueAxis, Dataset<Row> rows) {
    return bars(title, valueAxis, rows, PlotOrientation.HORIZONTAL);
  }

  /** Stacked vertical bars: (category, series, value). */
  static BufferedImage stackedBars(String title, String valueAxis, Dataset<Row> rows) {
    return stacked(title, valueAxis, rows, PlotOrientation.VERTICAL);
  }

  /**
   * Stacked horizontal bars: (category, series, value). With one series per category this draws full-width
   * bars coloured by their series (plain grouped bars would leave a slot for every series in each category).
   */
  static BufferedImage stackedBarsHorizontal(String title, String valueAxis, Dataset<Row> rows) {
    return stacked(title, valueAxis, rows, PlotOrientation.HORIZONTAL);
  }

  private static BufferedImage stacked(String title, String valueAxis, Dataset<Row> rows, PlotOrientation orientation) {
    DefaultCategoryDataset data = categories(rows);
    JFreeChart chart = ChartFactory.createStackedBarChart(title, null, valueAxis, data, orientation, true, false, false);
    styleCategories(chart, orientation);
    return chart.createBufferedImage(width, barHeight(data, orientation));
  }

  private static int barHeight(DefaultCategoryDataset data, PlotOrientation orientation) {
    return orientation == PlotOrientation.HORIZONTAL ? Math.max(height, 140 + 26 * data.getColumnCount()) : height;
  }

  /** One line per series over days: (day, value) or (day, series, value); the day a date or yyyy-MM-dd. */
  static BufferedImage lines(String title, String valueAxis, Dataset<Row> rows) {
    TimeSeriesCollection data = new TimeSeriesCollection();
    Map<String, TimeSeries> series = new LinkedHashMap<>();
    for (Row r : rows.collectAsList()) {
      int last = r.size() - 1;
      if (r.isNullAt(0) || r.isNullAt(last)) continue;
      String key = r.size() > 2 ? String.valueOf(r.get(1)) : valueAxis;
      LocalDate d = r.get(0) instanceof java.sql.Date sd ? sd.toLocalDate() : LocalDate.parse(r.get(0).toString());
      series.computeIfAbsent(key, TimeSeries::new)
          .addOrUpdate(new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear()), ((Number) r.get(last)).doubleValue());
    }
    series.values().forEach(data::addSeries);
    JFreeChart chart = ChartFactory.createTimeSeriesChart(title, null, valueAxis, data, series.size() > 1, false, false);
    XYPlot plot = chart.getXYPlot();
    stylePlot(chart);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    ((DateAxis) plot.getDomainAxis()).setDateFormatOverride(new java.text.SimpleDateFormat("d MMM"));
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < series.size(); i++) {
      renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      renderer.setSeriesStroke(i, new BasicStroke(2f));
    }
    plot.setRenderer(renderer);
    if (valueAxis.toLowerCase().contains("sentiment")) plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
    return chart.createBufferedImage(width, height);
  }

  private static BufferedImage bars(String title, String valueAxis, Dataset<Row> rows, PlotOrientation orientation) {
    DefaultCategoryDataset data = categories(rows);
    JFreeChart chart = ChartFactory.createBarChart(title, null, valueAxis, data, orientation,
        data.getRowCount() > 1, false, false);
    styleCategories(chart, orientation);
    if (valueAxis.toLowerCase().contains("sentiment")) {
      chart.getCategoryPlot().addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
    }
    return chart.createBufferedImage(width, barHeight(data, orientation));
  }

  private static DefaultCategoryDataset categories(Dataset<Row> rows) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    String[] columns = rows.columns();
    for (Row r : rows.collectAsList()) {
      int last = r.size() - 1;
      if (r.isNullAt(last)) continue;
      String series = r.size() > 2 ? String.valueOf(r.get(1)) : columns[last];
      data.addValue(((Number) r.get(last)).doubleValue(), series, String.valueOf(r.get(0)));
    }
    return data;
  }

  private static void styleCategories(JFreeChart chart, PlotOrientation orientation) {
    CategoryPlot plot = chart.getCategoryPlot();
    stylePlot(chart);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0.02);
    for (int i = 0; i < PALETTE.length; i++) renderer.setSeriesPaint(i, PALETTE[i]);
    CategoryAxis axis = plot.getDomainAxis();
    axis.setMaximumCategoryLabelWidthRatio(orientation == PlotOrientation.HORIZONTAL ? 0.45f : 1f);
    if (orientation == PlotOrientation.VERTICAL && plot.getDataset().getColumnCount() > 6) {
      axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
  }

  private static void stylePlot(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
  }
}
