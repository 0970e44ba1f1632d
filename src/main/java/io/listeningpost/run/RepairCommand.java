package io.listeningpost.run;

import io.listeningpost.core.Redaction;
import io.listeningpost.core.config.ConfigException;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.storage.TablePublisher;
import io.listeningpost.storage.WarehouseLock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Completes the publishes a stopped run left half done, without starting Spark. Every data command
 * does the same before it starts; this is for a warehouse that readers need whole before the next run.
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
    exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {"0:every publish is complete", ExitCodes.USAGE_LINE,
        ExitCodes.LOCKED_LINE},
    description = "Complete any table publish that a stopped run left half done, and remove unpublished staging.")
final class RepairCommand implements Callable<Integer> {
  @Mixin
  CommonOptions options;

  @Override
  public Integer call() throws Exception {
    ListeningPostConfig config;
    try {
      config = options.load();
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      return DataCommand.BAD_CONFIG;
    }
    String runId = RunRecorder.newRunId("repair", Instant.now());
    List<String> actions;
    try (WarehouseLock lock = WarehouseLock.acquire(config.warehouse(), new Configuration(), runId, "repair",
        config.run().lockStaleAfter())) {
      lock.takeOverNote().ifPresent(n -> System.out.println("Warehouse " + Redaction.mask(config.warehouse()) + ": " + n));
      actions = new TablePublisher(new Configuration(), config.warehouse(), runId, TablePublisher.StepHook.NONE)
          .recover();
    } catch (WarehouseLock.LockedException e) {
      System.err.println(e.getMessage());
      return ExitCodes.LOCKED;
    }
    String shown = Redaction.mask(config.warehouse());
    if (actions.isEmpty()) {
      System.out.println("Warehouse " + shown + ": every table is whole; nothing to repair.");
    } else {
      actions.forEach(a -> System.out.println("Warehouse " + shown + ": " + a));
    }
    return DataCommand.OK;
  }
}
