package io.listeningpost.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per warehouse, and a lock left by a run that is gone is taken over safely. Spark-free. */
class WarehouseLockTest {
  private static final Duration STALE = Duration.ofMinutes(10);

  @TempDir
  Path dir;

  private WarehouseLock.LockFolder folder() {
    return new WarehouseLock.LocalFiles(dir);
  }

  private void writeLock(WarehouseLock.Holder holder, Instant modified) throws Exception {
    Files.writeString(dir.resolve(WarehouseLock.FILE), WarehouseLock.render(holder));
    Files.setLastModifiedTime(dir.resolve(WarehouseLock.FILE), FileTime.from(modified));
  }

  @Test
  void aSecondRunIsRefusedWhileTheFirstRunsAndIsToldWhoHoldsTheLock() throws Exception {
    WarehouseLock.LockOwner me = WarehouseLock.LockOwner.current();
    try (WarehouseLock first = WarehouseLock.acquire(dir.toString(), new Configuration(), "20261129T221000Z-nightly-ab12",
        "nightly 2026-11-29", STALE)) {
      assertThat(first.takeOverNote()).isEmpty();
      assertThatThrownBy(() -> WarehouseLock.acquire(dir.toString(), new Configuration(), "second", "nightly", STALE))
          .isInstanceOf(WarehouseLock.LockedException.class)
          .hasMessageStartingWith("The warehouse " + dir + " is locked by run 20261129T221000Z-nightly-ab12 "
              + "(nightly 2026-11-29, pid " + me.pid() + " on host " + me.host() + ", started ")
          .hasMessageEndingWith("; it is still running. Wait for it or stop it.");
      assertThat(WarehouseLock.holder(dir.toString(), new Configuration())).get()
          .extracting(WarehouseLock.Holder::runId).isEqualTo("20261129T221000Z-nightly-ab12");
    }
    assertThat(dir.resolve(WarehouseLock.FILE)).doesNotExist();
    try (WarehouseLock again = WarehouseLock.acquire(dir.toString(), new Configuration(), "third", "nightly", STALE)) {
      assertThat(again.holder().runId()).isEqualTo("third");
    }
  }

  @Test
  void aLockNamingAProcessOfThisHostThatNoLongerRunsIsTakenOverAndSaysSo() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    WarehouseLock.LockOwner me = WarehouseLock.LockOwner.current();
    writeLock(new WarehouseLock.Holder("dead-run", "nightly", me.host(), gone.pid(), Instant.now().minusSeconds(60)),
        Instant.now());

    try (WarehouseLock lock = WarehouseLock.acquire(dir.toString(), new Configuration(), "new-run", "nightly", STALE)) {
      assertThat(lock.takeOverNote()).get().asString()
          .contains("took over the lock of run dead-run", "its process " + gone.pid() + " no longer runs");
      assertThat(WarehouseLock.parse(Files.readString(dir.resolve(WarehouseLock.FILE))).runId()).isEqualTo("new-run");
    }
  }

  @Test
  void aPidNowHeldByAProcessStartedAfterTheLockCountsAsGone() throws Exception {
    Instant locked = Instant.parse("2026-11-29T22:10:00Z");
    writeLock(new WarehouseLock.Holder("old-run", "nightly", "h", 4242, locked), locked);
    WarehouseLock.LockOwner reused = new WarehouseLock.LockOwner("h", 1, pid -> Optional.of(locked.plusSeconds(3600)));
    WarehouseLock.LockOwner same = new WarehouseLock.LockOwner("h", 1, pid -> Optional.of(locked.minusSeconds(5)));
    Clock now = Clock.fixed(locked.plusSeconds(7200), ZoneOffset.UTC);

    assertThatThrownBy(() -> WarehouseLock.acquire(folder(), "b", "nightly", STALE, same, now, "/wh"))
        .hasMessageContaining("is locked by run old-run (nightly, pid 4242 on host h, started 2026-11-29T22:10:00Z)");
    try (WarehouseLock lock = WarehouseLock.acquire(folder(), "b", "nightly", STALE, reused, now, "/wh")) {
      assertThat(lock.takeOverNote()).get().asString().contains("pid 4242 now belongs to a process started after");
    }
  }

  @Test
  void anotherHostsLockIsTakenOverOnlyOnceItsHeartbeatIsOlderThanTheLimit() throws Exception {
    Instant beat = Instant.parse("2026-11-29T22:10:00Z");
    writeLock(new WarehouseLock.Holder("far-run", "nightly", "other-host", 4242, beat), beat);
    WarehouseLock.LockOwner me = new WarehouseLock.LockOwner("this-host", 1, pid -> Optional.empty());

    assertThatThrownBy(() -> WarehouseLock.acquire(folder(), "b", "nightly", STALE, me,
        Clock.fixed(beat.plus(Duration.ofMinutes(9)), ZoneOffset.UTC), "/wh"))
        .isInstanceOf(WarehouseLock.LockedException.class)
        .hasMessageContaining("locked by run far-run (nightly, pid 4242 on host other-host")
        .hasMessageContaining("its last heartbeat was 9 min ago (another host: the lock is taken over once that is "
            + "more than 10 min)");
    try (WarehouseLock lock = WarehouseLock.acquire(folder(), "b", "nightly", STALE, me,
        Clock.fixed(beat.plus(Duration.ofMinutes(11)), ZoneOffset.UTC), "/wh")) {
      assertThat(lock.takeOverNote()).get().asString().contains("its last heartbeat is 11 min old");
    }
  }

  @Test
  void anUnreadableLockFileIsRespectedWhileYoungAndTakenOverWhenStale() throws Exception {
    Instant written = Instant.parse("2026-11-29T22:10:00Z");
    Files.writeString(dir.resolve(WarehouseLock.FILE), "");
    Files.setLastModifiedTime(dir.resolve(WarehouseLock.FILE), FileTime.from(written));
    WarehouseLock.LockOwner me = new WarehouseLock.LockOwner("h", 1, pid -> Optional.empty());

    assertThatThrownBy(() -> WarehouseLock.acquire(folder(), "b", "nightly", STALE, me,
        Clock.fixed(written.plusSeconds(30), ZoneOffset.UTC), "/wh")).hasMessageContaining("cannot be read");
    try (WarehouseLock lock = WarehouseLock.acquire(folder(), "b", "nightly", STALE, me,
        Clock.fixed(written.plus(Duration.ofMinutes(30)), ZoneOffset.UTC), "/wh")) {
      assertThat(lock.takeOverNote()).get().asString().contains("unreadable lock file");
    }
  }

  @Test
  void aTakeOverUnderWayElsewhereIsNotJoined() throws Exception {
    Instant beat = Instant.parse("2026-11-29T22:10:00Z");
    writeLock(new WarehouseLock.Holder("far-run", "nightly", "other-host", 4242, beat), beat);
    Clock late = Clock.fixed(beat.plus(Duration.ofMinutes(30)), ZoneOffset.UTC);
    Files.writeString(dir.resolve(WarehouseLock.TAKEOVER), "taking over\n");
    Files.setLastModifiedTime(dir.resolve(WarehouseLock.TAKEOVER), FileTime.from(late.instant()));
    WarehouseLock.LockOwner me = new WarehouseLock.LockOwner("h", 1, pid -> Optional.empty());

    assertThatThrownBy(() -> WarehouseLock.acquire(folder(), "b", "nightly", STALE, me, late, "/wh"))
        .isInstanceOf(WarehouseLock.LockedException.class);
    assertThat(WarehouseLock.parse(Files.readString(dir.resolve(WarehouseLock.FILE))).runId()).isEqualTo("far-run");
  }

  @Test
  void releasingLeavesALockThatIsNoLongerThisRunsInPlace() throws Exception {
    WarehouseLock lock = WarehouseLock.acquire(dir.toString(), new Configuration(), "mine", "nightly", STALE);
    writeLock(new WarehouseLock.Holder("theirs", "nightly", "other", 7, Instant.now()), Instant.now());

    lock.close();

    assertThat(WarehouseLock.parse(Files.readString(dir.resolve(WarehouseLock.FILE))).runId()).isEqualTo("theirs");
  }

  @Test
  void theHolderRefreshesItsHeartbeat() throws Exception {
    try (WarehouseLock lock = WarehouseLock.acquire(dir.toString(), new Configuration(), "beating", "nightly",
        Duration.ofSeconds(4))) {
      Files.setLastModifiedTime(dir.resolve(WarehouseLock.FILE), FileTime.from(Instant.now().minusSeconds(3600)));
      Thread.sleep(1_600);
      assertThat(Files.getLastModifiedTime(dir.resolve(WarehouseLock.FILE)).toInstant())
          .isAfter(Instant.now().minusSeconds(60));
    }
    assertThat(WarehouseLock.heartbeatEvery(Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void onAHadoopFileSystemTheLockIsCreatedOnlyWhenAbsent() throws Exception {
    RawLocalFileSystem fs = new RawLocalFileSystem();
    fs.initialize(dir.toUri(), new Configuration());
    WarehouseLock.LockFolder hadoop = new WarehouseLock.HadoopFiles(fs,
        new org.apache.hadoop.fs.Path(dir.resolve("wh").toUri()));
    hadoop.mkdirs();

    assertThat(hadoop.createNew("f", "one")).isTrue();
    assertThat(hadoop.createNew("f", "two")).isFalse();
    assertThat(hadoop.read("f")).contains("one");
    assertThat(hadoop.modified("f")).isPresent();
    hadoop.delete("f");
    assertThat(hadoop.read("f")).isEmpty();
    assertThat(hadoop.modified("f")).isEmpty();
  }
}
