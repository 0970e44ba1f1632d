package io.listeningpost.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first post of each thread for posts that name only their parent, walked up in memory: the
 * small-input counterpart of {@link ThreadRoots}, with the same answers. A post takes the thread of the
 * first ancestor whose parent has a known thread; a parent that is nowhere in the data is the thread's
 * first post. A walk that comes back to a post of its own path has met a reply cycle (corrupt data): the
 * cycle's posts, and the posts that lead into it, take the post where the walk closed the cycle, a post of
 * that cycle.
 *
 * <p>Posts are named by ids unique among the posts given, e.g. the ids of one platform.
 */
final class ReplyChains {
  private final Map<String, String> parentOf;
  private final Map<String, String> knownThread;
  private final Map<String, String> threadOf = new HashMap<>();

  /**
   * @param parentOf the parent of each post without a thread
   * @param knownThread the thread of posts that have one, at least of every parent named above
   */
  ReplyChains(Map<String, String> parentOf, Map<String, String> knownThread) {
    this.parentOf = parentOf;
    this.knownThread = knownThread;
  }

  /** The thread of a post of {@code parentOf}. */
  String threadOf(String post) {
    List<String> path = new ArrayList<>();
    Set<String> onPath = new HashSet<>();
    String at = post;
    String thread;
    while (true) {
      String settled = threadOf.get(at);
      if (settled != null) {
        thread = settled;
        break;
      }
      path.add(at);
      onPath.add(at);
      String up = parentOf.get(at);
      String known = knownThread.get(up);
      if (known != null) {
        thread = known;
        break;
      }
      if (!parentOf.containsKey(up) || onPath.contains(up)) {
        thread = up;
        break;
      }
      at = up;
    }
    for (String p : path) {
      threadOf.put(p, thread);
    }
    return thread;
  }
}
