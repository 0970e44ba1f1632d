package io.listeningpost.report;

import io.listeningpost.core.config.WatchTerm;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Our own accounts among the voices: an author whose id or name is one of our watched brands' names or
 * aliases once case, spaces, {@code @} and punctuation are set aside ("AcmeCorp" and "@acme_corp" for
 * "Acme Corp"). The report does not advise us to engage our own accounts.
 */
final class OwnAccounts {
  private final Set<String> names = new HashSet<>();

  OwnAccounts(List<WatchTerm> watch) {
    for (WatchTerm t : watch) {
      if (WatchTerm.BRAND.equals(t.kind())) {
        names.add(key(t.name()));
        t.aliases().forEach(a -> names.add(key(a)));
      }
    }
    names.remove("");
  }

  boolean isOwn(String authorId, String name) {
    return names.contains(key(authorId)) || names.contains(key(name));
  }

  private static String key(String s) {
    if (s == null) {
      return "";
    }
    String local = s.strip();
    int at = local.indexOf('@', 1);
    if (at > 0) {
      local = local.substring(0, at);
    }
    return local.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }
}
