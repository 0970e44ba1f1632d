package io.listeningpost.run;

import picocli.CommandLine.Option;

/** How a data command reports its progress. */
final class LogOptions {
  @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "text",
      converter = FormatConverter.class,
      description = "Progress as text lines (default), or one JSON object per line (run_start, stage_start, stage_end, "
          + "stage_skip, warning, run_end with status, exit code and report), the summary then kept in its file only.")
  RunLog.Format format = RunLog.Format.TEXT;

  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<RunLog.Format> {
    @Override
    public RunLog.Format convert(String value) {
      return switch (value) {
        case "text" -> RunLog.Format.TEXT;
        case "json" -> RunLog.Format.JSON;
        default -> throw new picocli.CommandLine.TypeConversionException("expected text or json, not '" + value + "'");
      };
    }
  }
}
