// The notebooks' Spark session over the warehouse: every table is registered as a view of its name (as the
// `sql` command does: posts, post_nlp, influencers, _runs, ...). Load it with `%load warehouse.jsh` after
// `%jar ../target/notebook-lib` and `%jar ../target/listening-post.jar`.
// The warehouse is $LISTENING_POST_WAREHOUSE, else out/warehouse.
import org.apache.spark.sql.*;

// The kernel sends java.util.logging at every level to its log, and Janino, which compiles Spark's generated
// code, fails while logging a trace of some expressions (a sort on a string column): keep its logger at INFO.
java.util.logging.Logger janinoLog = java.util.logging.Logger.getLogger("org.codehaus.janino");
janinoLog.setLevel(java.util.logging.Level.INFO);

SparkSession spark = SparkSession.builder().master("local[2]").appName("notebook")
    .config("spark.ui.enabled", "false")
    // Spark's generated code cannot see the kernel's class loader: run its interpreted operators instead.
    .config("spark.sql.codegen.wholeStage", "false").config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
    .config("spark.sql.session.timeZone", "UTC").config("spark.sql.shuffle.partitions", "4")
    .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();

String warehouse = System.getenv().getOrDefault("LISTENING_POST_WAREHOUSE",
    java.nio.file.Path.of("..", "out", "warehouse").toAbsolutePath().normalize().toString());

List<String> tables = new ArrayList<>();
for (File dir : Objects.requireNonNull(new File(warehouse).listFiles(File::isDirectory), "no warehouse at " + warehouse)) {
  String name = dir.getName();
  // Staging and trash folders of an interrupted publish start with a dot; a table holds Parquet files.
  if (name.startsWith(".") || !name.matches("[_a-z0-9]+")) continue;
  try (var files = java.nio.file.Files.walk(dir.toPath())) {
    if (files.noneMatch(f -> f.toString().endsWith(".parquet"))) continue;
  }
  spark.read().parquet(dir.getPath()).createOrReplaceTempView(name);
  tables.add(name);
}
Collections.sort(tables);

/** Prints a query's result as an aligned text table: at most {@code rows} rows, cells cut to 60 characters. */
void show(String query, int rows) {
  System.out.print(spark.sql(query).showString(rows, 60, false));
}

/** Prints a query's result as a text table with whole cells, for sentences such as reasons. */
void showFull(String query, int rows) {
  System.out.print(spark.sql(query).showString(rows, 0, false));
}
