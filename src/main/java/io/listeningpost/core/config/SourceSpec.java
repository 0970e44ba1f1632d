package io.listeningpost.core.config;

import java.io.Serializable;
import java.util.Map;

/**
 * One configured input: a format and a file or folder.
 *
 * @param community the community to assign when the source does not carry one (a blog's name, a CSV
 *     without a community column); null to derive it from the data or the folder name
 * @param platform the platform written into {@code posts.platform}; fixed by the format except for
 *     mapped csv/json sources
 * @param mapping canonical field name to source column, for csv and json only
 */
public record SourceSpec(
    String name,
    SourceFormat format,
    String path,
    String community,
    String platform,
    Map<String, String> mapping,
    String timeFormat,
    String delimiter) implements Serializable {

  public SourceSpec {
    mapping = Map.copyOf(mapping);
  }

  public static SourceSpec of(SourceFormat format, String path) {
    return new SourceSpec(format.configName(), format, path, null, defaultPlatform(format), Map.of(), "iso", ",");
  }

  public static String defaultPlatform(SourceFormat format) {
    return switch (format) {
      case STACKEXCHANGE -> "stackexchange";
      case REDDIT -> "reddit";
      case TWITTER -> "twitter";
      case MASTODON -> "mastodon";
      case FEED -> "blog";
      case CSV, JSON -> null;
    };
  }
}
