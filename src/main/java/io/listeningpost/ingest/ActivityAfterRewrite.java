package io.listeningpost.ingest;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * An author's activity after a write that replaced whole days of posts, from what the author's row said
 * before, the number of the author's posts the write replaced, and the author's posts in those days
 * after it, without reading the author's other days, wherever that is enough to know it.
 *
 * <p>The posts outside the replaced days did not change, so their count is the count before less the
 * replaced posts, and the first (last) post before stays the first (last) post outside the replaced
 * days when it is itself outside them. The name on the latest post is known when the latest post is in
 * the replaced days, or when the row before held no profile, so that its name was the one on its latest
 * post. In every other case the activity is unknown here and the author's posts are read again.
 */
final class ActivityAfterRewrite implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Activity over some posts: first and last {@code created_at}, number of posts, and the author name
   * on the latest post (on a tie in time, the greatest name; null sorts first). A count of 0 has no
   * times.
   */
  record Activity(Timestamp first, Timestamp last, long count, String latestName) {
    static final Activity NONE = new Activity(null, null, 0, null);
  }

  private final Set<LocalDate> replacedDays;
  private final ZoneId zone;

  /**
   * @param replacedDays the days the write replaced, as {@code dt}
   * @param zone the time zone {@code dt} is the day of {@code created_at} in (the session's)
   */
  ActivityAfterRewrite(Set<LocalDate> replacedDays, ZoneId zone) {
    this.replacedDays = Set.copyOf(replacedDays);
    this.zone = zone;
  }

  /**
   * @param before the author's activity as the authors table held it, {@link Activity#NONE} for a new
   *     author
   * @param nameWasLatestPosts whether {@code before.latestName()} is the name on the latest post (the
   *     row held no profile)
   * @param replaced how many of the author's posts the replaced days held before the write
   * @param inReplacedDays the author's activity over the replaced days after the write
   * @param nameNeeded whether the latest post's name is used (no profile name stands in for it)
   * @return the activity after the write (its name null when not needed), or null when it cannot be
   *     known without the author's other posts
   */
  Activity after(Activity before, boolean nameWasLatestPosts, long replaced, Activity inReplacedDays,
      boolean nameNeeded) {
    long outside = before.count() - replaced;
    if (outside < 0) {
      return null;
    }
    if (outside == 0) {
      return inReplacedDays.count() == 0 ? Activity.NONE : nameIf(inReplacedDays, nameNeeded);
    }
    if (before.first() == null || before.last() == null || replaced(before.first()) || replaced(before.last())) {
      return null;
    }
    long count = outside + inReplacedDays.count();
    if (inReplacedDays.count() == 0) {
      return nameNeeded && !nameWasLatestPosts ? null
          : new Activity(before.first(), before.last(), count, nameNeeded ? before.latestName() : null);
    }
    Timestamp first = before.first().before(inReplacedDays.first()) ? before.first() : inReplacedDays.first();
    // A time outside the replaced days is never equal to one inside them: they fall on different days.
    boolean latestReplaced = inReplacedDays.last().after(before.last());
    Timestamp last = latestReplaced ? inReplacedDays.last() : before.last();
    if (!nameNeeded) {
      return new Activity(first, last, count, null);
    }
    if (latestReplaced) {
      return new Activity(first, last, count, inReplacedDays.latestName());
    }
    return nameWasLatestPosts ? new Activity(first, last, count, before.latestName()) : null;
  }

  private boolean replaced(Timestamp t) {
    return replacedDays.contains(t.toInstant().atZone(zone).toLocalDate());
  }

  private static Activity nameIf(Activity a, boolean nameNeeded) {
    return nameNeeded ? a : new Activity(a.first(), a.last(), a.count(), null);
  }
}
