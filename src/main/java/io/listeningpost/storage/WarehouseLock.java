package io.listeningpost.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * One writer at a time per warehouse: the file {@code <warehouse>/_lock}, created atomically, names the
 * run that holds it (run id, command, host, pid, start time), and its modification time is a heartbeat
 * the holder refreshes while it runs. Spark-free, so that it is taken before Spark starts.
 *
 * <p>A lock whose holder is gone is taken over: on the same host as soon as its process no longer runs
 * (or its pid now belongs to a process started after the lock was taken); from another host, whose
 * processes cannot be seen, once its heartbeat is older than the staleness limit. A take-over is itself
 * serialised by a second atomically created file, {@code _lock.takeover}, so that of two runs finding the
 * same dead lock only one replaces it, and neither can remove a live one.
 *
 * <p>Atomic creation: on a local disk the lock is written beside its name and hard-linked into place
 * (a link fails when the name exists, as {@code O_EXCL} does); on HDFS and other Hadoop file systems
 * {@code create(overwrite = false)}, atomic on the name node.
 */
public final class WarehouseLock implements AutoCloseable {
  public static final String FILE = "_lock";
  static final String TAKEOVER = "_lock.takeover";
  /** A take-over takes milliseconds; a marker older than this was left by a run that died taking over. */
  static final Duration TAKEOVER_STALE = Duration.ofMinutes(1);

  /** Who holds a lock, as its file says. */
  public record Holder(String runId, String command, String host, long pid, Instant started) {
    String describe() {
      return "run " + runId + " (" + command + ", pid " + pid + " on host " + host + ", started "
          + started.truncatedTo(ChronoUnit.SECONDS) + ")";
    }
  }

  /** The warehouse is held by a live run. */
  public static final class LockedException extends Exception {
    private final Holder holder;

    LockedException(String message, Holder holder) {
      super(message);
      this.holder = holder;
    }

    public Holder holder() {
      return holder;
    }
  }

  /** This process as a lock holder: its host and pid, and how to tell whether another pid still runs. */
  public record LockOwner(String host, long pid, ProcessProbe probe) {
    public static LockOwner current() {
      return new LockOwner(localHost(), ProcessHandle.current().pid(), ProcessProbe.SYSTEM);
    }
  }

  /** Whether a process of this host runs, and when it started. */
  public interface ProcessProbe {
    ProcessProbe SYSTEM = pid -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
        .map(h -> h.info().startInstant().orElse(Instant.EPOCH));

    /** The start time of the running process {@code pid} (EPOCH when unknown), or empty when none runs. */
    Optional<Instant> running(long pid);
  }

  private final LockFolder files;
  private final Holder holder;
  private final String takeOverNote;
  private final ScheduledExecutorService heartbeat;

  private WarehouseLock(LockFolder files, Holder holder, String takeOverNote, Duration beat) {
    this.files = files;
    this.holder = holder;
    this.takeOverNote = takeOverNote;
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "warehouse-lock-heartbeat");
      t.setDaemon(true);
      return t;
    });
    long millis = beat.toMillis();
    heartbeat.scheduleAtFixedRate(this::beat, millis, millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Takes the lock of {@code warehouse} for {@code runId}, creating the warehouse folder if needed.
   *
   * @param staleAfter how old the heartbeat of another host's lock must be before it is taken over
   * @throws LockedException when a live run holds it, with a message naming the holder
   */
  public static WarehouseLock acquire(String warehouse, Configuration conf, String runId, String command,
      Duration staleAfter) throws LockedException {
    return acquire(LockFolder.of(warehouse, conf), runId, command, staleAfter, LockOwner.current(), Clock.systemUTC(),
        warehouse);
  }

  static WarehouseLock acquire(LockFolder files, String runId, String command, Duration staleAfter, LockOwner me,
      Clock clock, String warehouse) throws LockedException {
    Holder mine = new Holder(runId, command, me.host(), me.pid(), clock.instant());
    try {
      files.mkdirs();
      for (int attempt = 0; attempt < 3; attempt++) {
        if (files.createNew(FILE, render(mine))) {
          return new WarehouseLock(files, mine, null, heartbeatEvery(staleAfter));
        }
        Optional<Observed> held = observe(files);
        if (held.isEmpty()) {
          continue; // released between our attempt and our look: try again
        }
        Observed h = held.get();
        String dead = deadReason(h, me, staleAfter, clock);
        if (dead == null) {
          throw new LockedException(lockedMessage(warehouse, h, me, staleAfter, clock), h.holder);
        }
        if (takeOver(files, h, clock)) {
          if (files.createNew(FILE, render(mine))) {
            String note = "took over the lock of " + (h.holder == null ? "an unreadable lock file" : h.holder.describe())
                + ": " + dead;
            return new WarehouseLock(files, mine, note, heartbeatEvery(staleAfter));
          }
        }
      }
      Optional<Observed> now = observe(files);
      throw new LockedException(now.map(o -> lockedMessage(warehouse, o, me, staleAfter, clock))
          .orElse("The warehouse " + warehouse + " is being locked and unlocked by other runs; try again."),
          now.map(o -> o.holder).orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock the warehouse " + warehouse + ": " + e.getMessage(), e);
    }
  }

  /** Who holds the lock of {@code warehouse} now, for read-only commands that report on it; never locks. */
  public static Optional<Holder> holder(String warehouse, Configuration conf) {
    try {
      return observe(LockFolder.of(warehouse, conf)).map(o -> o.holder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Holder holder() {
    return holder;
  }

  /** When this lock replaced a dead run's: whose, and why it was dead; else empty. */
  public Optional<String> takeOverNote() {
    return Optional.ofNullable(takeOverNote);
  }

  /** Releases the lock, if it is still this run's. */
  @Override
  public void close() {
    heartbeat.shutdownNow();
    try {
      Optional<Observed> now = observe(files);
      if (now.isPresent() && now.get().holder != null && holder.runId().equals(now.get().holder.runId())) {
        files.delete(FILE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the warehouse lock: " + e.getMessage(), e);
    }
  }

  private void beat() {
    try {
      Optional<Observed> now = observe(files);
      if (now.isPresent() && now.get().holder != null && holder.runId().equals(now.get().holder.runId())) {
        files.touch(FILE);
      }
    } catch (IOException | RuntimeException e) {
      // The next beat tries again; a holder that cannot beat for the whole staleness limit is taken over,
      // which is the limit's purpose.
    }
  }

  static Duration heartbeatEvery(Duration staleAfter) {
    long quarter = staleAfter.toMillis() / 4;
    return Duration.ofMillis(Math.max(1_000, Math.min(60_000, quarter)));
  }

  private record Observed(Holder holder, Instant heartbeat) {}

  private static Optional<Observed> observe(LockFolder files) throws IOException {
    Optional<Instant> modified = files.modified(FILE);
    Optional<String> text = files.read(FILE);
    if (modified.isEmpty() || text.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Observed(parse(text.get()), modified.get()));
  }

  /** Why the holder is gone, or null while it may still run. */
  private static String deadReason(Observed h, LockOwner me, Duration staleAfter, Clock clock) {
    Duration age = Duration.between(h.heartbeat, clock.instant());
    if (h.holder == null) {
      // Being written (HDFS shows a file before its content), or damaged: only its age tells.
      return age.compareTo(staleAfter) > 0 ? "the lock file is unreadable and " + minutes(age) + " old" : null;
    }
    if (h.holder.host().equals(me.host())) {
      if (h.holder.pid() == me.pid()) {
        return null; // this process: a second run inside it, refused like any other
      }
      Optional<Instant> started = me.probe().running(h.holder.pid());
      if (started.isEmpty()) {
        return "its process " + h.holder.pid() + " no longer runs";
      }
      if (started.get().isAfter(h.holder.started().plusSeconds(1))) {
        return "its pid " + h.holder.pid() + " now belongs to a process started after the lock was taken";
      }
      return null;
    }
    return age.compareTo(staleAfter) > 0 ? "its last heartbeat is " + minutes(age) + " old, more than the "
        + minutes(staleAfter) + " of run.lock-stale-minutes" : null;
  }

  private static String lockedMessage(String warehouse, Observed h, LockOwner me, Duration staleAfter, Clock clock) {
    if (h.holder == null) {
      return "The warehouse " + warehouse + " holds a lock file (" + FILE + ") that cannot be read, refreshed "
          + minutes(Duration.between(h.heartbeat, clock.instant())) + " ago; it is taken over once "
          + minutes(staleAfter) + " old. Wait, or delete it if no run uses the warehouse.";
    }
    String where = h.holder.host().equals(me.host()) ? "it is still running"
        : "its last heartbeat was " + minutes(Duration.between(h.heartbeat, clock.instant())) + " ago (another host: "
            + "the lock is taken over once that is more than " + minutes(staleAfter) + ")";
    return "The warehouse " + warehouse + " is locked by " + h.holder.describe() + "; " + where
        + ". Wait for it or stop it.";
  }

  private static String minutes(Duration d) {
    long s = Math.max(0, d.toSeconds());
    return s < 120 ? s + " s" : (s / 60) + " min";
  }

  /**
   * Removes the dead lock {@code seen}, if it is still the one in place, under the take-over marker, so
   * that two runs never both remove a lock and one of them a live one. Returns whether the lock is gone.
   */
  private static boolean takeOver(LockFolder files, Observed seen, Clock clock) throws IOException {
    Optional<Instant> marker = files.modified(TAKEOVER);
    if (marker.isPresent() && Duration.between(marker.get(), clock.instant()).compareTo(TAKEOVER_STALE) > 0) {
      files.delete(TAKEOVER);
    }
    if (!files.createNew(TAKEOVER, "taking over\n")) {
      return false;
    }
    try {
      Optional<Observed> now = observe(files);
      if (now.isEmpty()) {
        return true;
      }
      boolean same = seen.holder == null ? now.get().holder == null && now.get().heartbeat.equals(seen.heartbeat)
          : now.get().holder != null && now.get().holder.equals(seen.holder);
      if (same) {
        files.delete(FILE);
      }
      return same;
    } finally {
      files.delete(TAKEOVER);
    }
  }

  static String render(Holder h) {
    return "run_id=" + h.runId() + "\ncommand=" + h.command().replace('\n', ' ') + "\nhost=" + h.host() + "\npid="
        + h.pid() + "\nstarted=" + h.started() + "\n";
  }

  static Holder parse(String text) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
      String runId = p.getProperty("run_id");
      String host = p.getProperty("host");
      String pid = p.getProperty("pid");
      String started = p.getProperty("started");
      if (runId == null || host == null || pid == null || started == null) {
        return null;
      }
      return new Holder(runId, p.getProperty("command", "?"), host, Long.parseLong(pid), Instant.parse(started));
    } catch (IOException | NumberFormatException | DateTimeParseException e) {
      return null;
    }
  }

  private static String localHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      String env = System.getenv("HOSTNAME");
      return env == null || env.isBlank() ? "unknown-host" : env;
    }
  }

  /** The few file operations a lock needs, in the warehouse folder. */
  interface LockFolder {
    void mkdirs() throws IOException;

    /** Creates {@code name} holding {@code content} unless it exists; atomic. */
    boolean createNew(String name, String content) throws IOException;

    Optional<String> read(String name) throws IOException;

    Optional<Instant> modified(String name) throws IOException;

    void touch(String name) throws IOException;

    void delete(String name) throws IOException;

    static LockFolder of(String warehouse, Configuration conf) {
      try {
        Path root = new Path(warehouse);
        FileSystem fs = root.getFileSystem(conf);
        if (fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem) {
          return new LocalFiles(java.nio.file.Path.of(fs.makeQualified(root).toUri()));
        }
        return new HadoopFiles(fs, root);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A local folder, through java.nio: atomic creation by hard link. */
  record LocalFiles(java.nio.file.Path dir) implements LockFolder {
    @Override
    public void mkdirs() throws IOException {
      Files.createDirectories(dir);
    }

    @Override
    public boolean createNew(String name, String content) throws IOException {
      java.nio.file.Path tmp = Files.createTempFile(dir, "." + name + ".", ".tmp");
      try {
        // Readable by all, like the tables, so that `status` run by another user can name the holder.
        if (Files.getFileAttributeView(tmp, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
          Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.createLink(dir.resolve(name), tmp);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      } finally {
        Files.deleteIfExists(tmp);
      }
    }

    @Override
    public Optional<String> read(String name) throws IOException {
      try {
        return Optional.of(Files.readString(dir.resolve(name), StandardCharsets.UTF_8));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      }
    }

    @Override
    public Optional<Instant> modified(String name) throws IOException {
      try {
        return Optional.of(Files.getLastModifiedTime(dir.resolve(name)).toInstant());
      } catch (NoSuchFileException e) {
        return Optional.empty();
      }
    }

    @Override
    public void touch(String name) throws IOException {
      Files.setLastModifiedTime(dir.resolve(name), FileTime.from(Instant.now()));
    }

    @Override
    public void delete(String name) throws IOException {
      Files.deleteIfExists(dir.resolve(name));
    }
  }

  /** A folder on a Hadoop file system: atomic creation by {@code create(overwrite = false)}. */
  record HadoopFiles(FileSystem fs, Path dir) implements LockFolder {
    @Override
    public void mkdirs() throws IOException {
      fs.mkdirs(dir);
    }

    @Override
    public boolean createNew(String name, String content) throws IOException {
      try (OutputStream out = fs.create(new Path(dir, name), false)) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
        return true;
      } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
        return false;
      } catch (IOException e) {
        if (fs.exists(new Path(dir, name))) {
          return false;
        }
        throw e;
      }
    }

    @Override
    public Optional<String> read(String name) throws IOException {
      try (var in = fs.open(new Path(dir, name))) {
        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (java.io.FileNotFoundException e) {
        return Optional.empty();
      }
    }

    @Override
    public Optional<Instant> modified(String name) throws IOException {
      try {
        FileStatus s = fs.getFileStatus(new Path(dir, name));
        return Optional.of(Instant.ofEpochMilli(s.getModificationTime()));
      } catch (java.io.FileNotFoundException e) {
        return Optional.empty();
      }
    }

    @Override
    public void touch(String name) throws IOException {
      fs.setTimes(new Path(dir, name), System.currentTimeMillis(), -1);
    }

    @Override
    public void delete(String name) throws IOException {
      fs.delete(new Path(dir, name), false);
    }
  }
}
