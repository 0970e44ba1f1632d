package io.listeningpost.run;

import io.listeningpost.core.config.ConfigException;
import io.listeningpost.core.config.JobFolders;
import io.listeningpost.storage.WarehouseSnapshot;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The state of a warehouse at a glance, without Spark: the last runs, the open alerts, where the latest
 * report and run summary are, each table's files and versions, and any publish left half done. It reads
 * {@code _runs} and the latest alerts partition with parquet-hadoop and every other table from its
 * Parquet footers, so it answers in about the time the JVM takes to start.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"The last runs, open alerts, latest report and each table's files and versions, without Spark.",
        "Exit code 0, also for a warehouse no run has written yet (\"no runs yet\"); 2 for a wrong option or job "
            + "file, or a folder that is not a warehouse; 1 when the warehouse cannot be read."})
final class StatusCommand implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "FILE",
      description = "Job configuration in HOCON: only its warehouse and reports are read (default: ${DEFAULT-VALUE}).",
      defaultValue = "jobs/nightly.conf")
  Path config;

  @Option(names = "--warehouse", paramLabel = "DIR", description = "Parquet warehouse folder (default: the config's).")
  String warehouse;

  @Option(names = "--reports", paramLabel = "DIR", description = "Reports folder (default: the config's).")
  String reports;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "10",
      description = "Show the last N runs, newest first (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (for reading) or json (one object, every column of the runs and alerts shown) "
          + "(default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    return run(System.out, System.err);
  }

  int run(PrintStream out, PrintStream err) {
    if (!format.equals("text") && !format.equals("json")) {
      err.println("--format = " + format + ": expected text or json");
      return DataCommand.BAD_CONFIG;
    }
    if (runs < 1) {
      err.println("--runs = " + runs + ": must be 1 or more");
      return DataCommand.BAD_CONFIG;
    }
    JobFolders folders;
    try {
      folders = JobFolders.read(config, warehouse, reports);
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return DataCommand.BAD_CONFIG;
    }
    WarehouseSnapshot snapshot;
    try {
      snapshot = WarehouseSnapshot.read(folders.warehouse(), new Configuration(), runs);
    } catch (IOException | RuntimeException e) {
      err.println("Cannot read the warehouse " + folders.warehouse() + ": " + e);
      return DataCommand.FAILED;
    }
    StatusPrinter printer = new StatusPrinter(snapshot, folders.reports());
    if (format.equals("json")) {
      printer.json(out);
    } else {
      printer.text(out);
    }
    if (snapshot.state() == WarehouseSnapshot.State.NOT_A_WAREHOUSE) {
      err.println(folders.warehouse() + " is not a Listening Post warehouse: it has no _runs table, no publish "
          + "folders and no table whose Parquet files say they were written by Listening Post. Give the "
          + "warehouse with --warehouse DIR or the job file's warehouse key.");
      return DataCommand.BAD_CONFIG;
    }
    return DataCommand.OK;
  }
}
