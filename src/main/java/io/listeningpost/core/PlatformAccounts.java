package io.listeningpost.core;

import java.util.Optional;

/**
 * Accounts that a platform runs itself, which act for the site rather than as a member of its
 * community: they are kept out of influence rankings, with the reason in words.
 */
public final class PlatformAccounts {
  private PlatformAccounts() {}

  /**
   * Why the author is a platform account, or empty for a member.
   *
   * @param platform the platform as ingest writes it ({@code stackexchange}, {@code reddit}, …)
   * @param authorId the author id as ingest writes it (Stack Exchange ids carry their site: {@code site:id})
   */
  public static Optional<String> reason(String platform, String authorId) {
    if (platform == null || authorId == null) {
      return Optional.empty();
    }
    if (platform.equals("stackexchange") && authorId.endsWith(":-1")) {
      return Optional.of("Stack Exchange's \"Community\" system account (user -1): it owns wiki posts and bumps "
          + "old questions on the site's behalf, so its activity is not a person's influence");
    }
    if (platform.equals("reddit") && authorId.equalsIgnoreCase("AutoModerator")) {
      return Optional.of("Reddit's AutoModerator bot: it posts the rules a subreddit's moderators configured, "
          + "so its replies are not a person's influence");
    }
    return Optional.empty();
  }
}
