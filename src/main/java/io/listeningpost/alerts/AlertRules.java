package io.listeningpost.alerts;

import io.listeningpost.core.config.AlertsSettings;
import java.util.Locale;
import java.util.Set;

/**
 * How urgent an alert is and what to do about it. Plain Java; the rules are documented in
 * docs/alerts.md.
 *
 * <p>A candidate-experience complaint is high when it is already spreading ({@code alerts.high-spread}
 * replies, quotes and shares or more), when its author reaches many people ({@code alerts.high-reach}
 * authors within two hops or more) or is a critic or opinion maker; medium when anyone has picked it up
 * or its author reaches a tenth of that; low otherwise. A spike is high at twice {@code alerts.spike-z},
 * medium below.
 */
public final class AlertRules {
  public static final String CANDIDATE_EXPERIENCE = "candidate experience";
  public static final String SPIKE = "spike";
  public static final String HIGH = "high";
  public static final String MEDIUM = "medium";
  public static final String LOW = "low";
  private static final Set<String> LOUD_ROLES = Set.of("critic", "opinion maker");

  private final AlertsSettings settings;

  public AlertRules(AlertsSettings settings) {
    this.settings = settings;
  }

  public String complaintSeverity(long spread, Long authorReach, String authorRole) {
    long reach = authorReach == null ? 0 : authorReach;
    if (spread >= settings.highSpread() || reach >= settings.highReach()
        || (authorRole != null && LOUD_ROLES.contains(authorRole))) {
      return HIGH;
    }
    if (spread > 0 || reach * 10 >= settings.highReach()) {
      return MEDIUM;
    }
    return LOW;
  }

  public String spikeSeverity(double z) {
    return z >= 2 * settings.spikeZ() ? HIGH : MEDIUM;
  }

  public static String complaintNextStep(String severity, String brand, String authorRole) {
    String step = switch (severity) {
      case HIGH -> "Reply publicly today and offer a private channel; forward to the recruiting lead and watch the "
          + "replies and shares.";
      case MEDIUM -> "Reply publicly within a day and offer a private channel; forward to the recruiting lead.";
      default -> "Reply within two days and offer a private channel; log it for the recruiting team's review.";
    };
    if (authorRole != null && LOUD_ROLES.contains(authorRole)) {
      step += " The author is a " + authorRole + " in this community: have someone at " + brand + " reach out directly.";
    }
    return step;
  }

  public static String spikeNextStep(String term, long recentPosts, int days) {
    return String.format(Locale.ROOT, "Read the %d negative posts naming %s of the last %s, find their common cause "
        + "and agree a public answer with communications before it grows.", recentPosts, term,
        days == 1 ? "day" : days + " days");
  }
}
