package io.listeningpost.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.ingest.ActivityAfterRewrite.Activity;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ActivityAfterRewriteTest {
  private static final LocalDate DAY0 = LocalDate.of(2026, 11, 1);
  private static final String[] NAMES = {null, "ann", "bob", "cy"};

  private record Post(Timestamp at, String name) {}

  /** Activity computed from every post, the way the authors table defines it. */
  private static Activity activity(List<Post> posts) {
    if (posts.isEmpty()) {
      return Activity.NONE;
    }
    Comparator<Post> latestOrder = Comparator.comparing(Post::at)
        .thenComparing(Post::name, Comparator.nullsFirst(Comparator.naturalOrder()));
    Post latest = posts.stream().max(latestOrder).orElseThrow();
    Timestamp first = posts.stream().map(Post::at).min(Comparator.naturalOrder()).orElseThrow();
    return new Activity(first, latest.at(), posts.size(), latest.name());
  }

  private static LocalDate day(Post p) {
    return p.at().toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
  }

  private static List<Post> posts(Random random, int n, List<Integer> days) {
    List<Post> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      LocalDate d = DAY0.plusDays(days.get(random.nextInt(days.size())));
      // Few distinct seconds, so that ties in time happen.
      Timestamp at = Timestamp.from(d.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600L * random.nextInt(3)));
      out.add(new Post(at, NAMES[random.nextInt(NAMES.length)]));
    }
    return out;
  }

  @Property(tries = 3000)
  void whenTheRuleGivesAnActivityItIsTheOneAllPostsGive(@ForAll long seed, @ForAll @IntRange(min = 0, max = 6) int n,
      @ForAll @IntRange(min = 0, max = 4) int added, @ForAll boolean nameWasLatestPosts, @ForAll boolean nameNeeded) {
    Random random = new Random(seed);
    List<Integer> allDays = List.of(0, 1, 2, 3, 4);
    List<Post> before = posts(random, n, allDays);
    Set<LocalDate> replacedDays = new HashSet<>();
    List<Integer> replacedList = new ArrayList<>();
    for (int d : allDays) {
      if (random.nextInt(3) == 0) {
        replacedDays.add(DAY0.plusDays(d));
        replacedList.add(d);
      }
    }
    List<Post> kept = before.stream().filter(p -> !replacedDays.contains(day(p))).toList();
    List<Post> inReplaced = new ArrayList<>(before.stream().filter(p -> replacedDays.contains(day(p)))
        .filter(p -> random.nextBoolean()).toList());
    if (!replacedList.isEmpty()) {
      inReplaced.addAll(posts(random, added, replacedList));
    }
    List<Post> after = new ArrayList<>(kept);
    after.addAll(inReplaced);

    Activity was = activity(before);
    Activity recorded = nameWasLatestPosts ? was : new Activity(was.first(), was.last(), was.count(), "profile name");
    long replaced = before.size() - kept.size();
    Activity got = new ActivityAfterRewrite(replacedDays, ZoneOffset.UTC)
        .after(recorded, nameWasLatestPosts, replaced, activity(inReplaced), nameNeeded);

    Activity expected = activity(after);
    if (!nameNeeded) {
      expected = new Activity(expected.first(), expected.last(), expected.count(), null);
    }
    if (got != null) {
      assertThat(got).isEqualTo(expected);
    }
    boolean edgesKept = kept.isEmpty()
        || !replacedDays.contains(day(new Post(was.first(), null))) && !replacedDays.contains(day(new Post(was.last(), null)));
    if (edgesKept && (nameWasLatestPosts || !nameNeeded)) {
      assertThat(got).as("known without the other days").isNotNull();
    }
  }

  @Test
  void aNightOfNewDaysIsKnownFromThoseDaysAlone() {
    Timestamp old1 = Timestamp.from(Instant.parse("2026-11-01T10:00:00Z"));
    Timestamp old2 = Timestamp.from(Instant.parse("2026-11-03T10:00:00Z"));
    Timestamp new1 = Timestamp.from(Instant.parse("2026-11-05T09:00:00Z"));
    ActivityAfterRewrite rule = new ActivityAfterRewrite(Set.of(LocalDate.of(2026, 11, 5)), ZoneOffset.UTC);
    assertThat(rule.after(new Activity(old1, old2, 7, "ann"), true, 0, new Activity(new1, new1, 2, "ann b"), true))
        .isEqualTo(new Activity(old1, new1, 9, "ann b"));
  }

  @Test
  void aReplacedDayHoldingTheLatestPostNeedsTheOtherDays() {
    Timestamp old1 = Timestamp.from(Instant.parse("2026-11-01T10:00:00Z"));
    Timestamp old2 = Timestamp.from(Instant.parse("2026-11-05T10:00:00Z"));
    ActivityAfterRewrite rule = new ActivityAfterRewrite(Set.of(LocalDate.of(2026, 11, 5)), ZoneOffset.UTC);
    assertThat(rule.after(new Activity(old1, old2, 3, "ann"), true, 1, Activity.NONE, true)).isNull();
    // More posts replaced than the row counted: the row does not describe the posts, so nothing is assumed.
    assertThat(rule.after(new Activity(old1, old1, 1, "ann"), true, 2, Activity.NONE, true)).isNull();
  }
}
