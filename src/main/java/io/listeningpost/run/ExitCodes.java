package io.listeningpost.run;

/**
 * The exit codes of every command, as {@code --help} and the README list them, so that a scheduler tells
 * a run that needs no one from one that needs a look and from one that did nothing.
 */
final class ExitCodes {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int PARTIAL = 3;
  static final int LOCKED = 4;

  static final String HEADING = "%nExit codes:%n";
  static final String OK_LINE = "0:success: every stage ran or was unchanged, and the counts reconcile";
  static final String FAILED_LINE = "1:failure: a stage failed or its counts do not reconcile; see the summary";
  static final String USAGE_LINE = "2:bad configuration or command line, found before any work started";
  static final String PARTIAL_LINE = "3:partial success: more posts quarantined than run.max-quarantine-share";
  static final String LOCKED_LINE = "4:the warehouse is locked by another run that still runs; nothing was done";

  private ExitCodes() {}
}
