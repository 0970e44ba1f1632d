package io.listeningpost.run;

import io.listeningpost.core.config.ConfigException;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.storage.Tables;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Spark SQL over the warehouse: every table {@link Tables#names()} lists is a view of its name, read
 * with its declared schema, so a table no run has written yet is an empty view with its columns.
 * The result goes to standard output alone; Spark's log goes to standard error, so CSV and JSON
 * output can be piped.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Run a Spark SQL query over the warehouse; every table is a view of its name (posts, authors, "
        + "interactions, post_nlp, influencers, communities, topics, _runs, …).",
        "Example: sql \"SELECT community, count(*) AS posts FROM posts GROUP BY community ORDER BY posts DESC\""})
final class SqlCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL query, in quotes.")
  String query;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Job configuration in HOCON: the warehouse and Spark master (default: ${DEFAULT-VALUE}).",
      defaultValue = "jobs/nightly.conf")
  Path config;

  @Option(names = "--warehouse", paramLabel = "DIR", description = "Parquet warehouse folder (default: the config's).")
  String warehouse;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table (aligned columns), csv (RFC 4180) or json (one object per line) (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
      description = "Print at most N rows; 0 prints them all (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    ResultFormat resultFormat;
    try {
      resultFormat = ResultFormat.parse(format);
    } catch (IllegalArgumentException e) {
      System.err.println("--format = " + format + ": expected table, csv or json");
      return DataCommand.BAD_CONFIG;
    }
    if (limit < 0) {
      System.err.println("--limit = " + limit + ": must be 0 (no limit) or more");
      return DataCommand.BAD_CONFIG;
    }
    ListeningPostConfig loaded;
    try {
      loaded = ListeningPostConfig.load(config,
          new ListeningPostConfig.Overrides(warehouse, null, null, false, List.of()));
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      return DataCommand.BAD_CONFIG;
    }
    SparkSession spark = SparkSessions.create(loaded, "listening-post sql");
    try {
      return SqlQuery.run(spark, loaded.warehouse(), query, resultFormat, limit, System.out, System.err);
    } finally {
      spark.stop();
    }
  }
}
