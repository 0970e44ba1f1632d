package io.listeningpost.ingest;

import io.listeningpost.core.Post;
import io.listeningpost.core.QuarantineRecord;
import io.listeningpost.core.config.IngestLimits;
import io.listeningpost.core.config.SourceSpec;
import io.listeningpost.ingest.text.TextEntities;

/**
 * What an adapter knows about the file it reads: the configured source, the file and the limits.
 * It also finishes every post the same way, whichever adapter built it.
 */
public final class SourceContext {
  private final SourceSpec spec;
  private final String file;
  private final IngestLimits limits;

  public SourceContext(SourceSpec spec, String file, IngestLimits limits) {
    this.spec = spec;
    this.file = file;
    this.limits = limits;
  }

  public SourceSpec spec() {
    return spec;
  }

  /** The file's path as recorded in {@code posts.source} and in quarantine rows. */
  public String file() {
    return file;
  }

  /** The file's name without folders. */
  public String fileName() {
    int slash = file.lastIndexOf('/');
    return slash < 0 ? file : file.substring(slash + 1);
  }

  /** The name of the folder holding the file: a Stack Exchange site, a subreddit folder. */
  public String folderName() {
    String[] parts = file.split("/");
    return parts.length >= 2 ? parts[parts.length - 2] : null;
  }


  public QuarantineRecord quarantine(String table, String position, String raw, String reason) {
    return new QuarantineRecord(file, spec.format().configName(), table, position,
        QuarantineRecord.excerptOf(raw), reason);
  }

  /**
   * Validates, cleans and emits a post: fills platform and community from the source where the data
   * has none, parses mentions, hashtags and links from the text where the source gave no entities,
   * and quarantines the raw record when a required field is missing.
   *
   * @return true when the post was emitted
   */
  public boolean emitPost(Post.Builder post, String position, String raw, RecordSink sink) {
    if (post.platform() == null) {
      post.platform(spec.platform());
    }
    if (post.community() == null && spec.community() != null) {
      post.community(spec.community());
    }
    String problem = post.problem();
    if (problem != null) {
      sink.quarantine(quarantine("posts", position, raw, problem));
      return false;
    }
    post.normalize(limits.maxTextChars());
    TextEntities.fillMissing(post);
    sink.post(post.source(file).position(position).build());
    return true;
  }
}
