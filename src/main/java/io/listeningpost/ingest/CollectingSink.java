package io.listeningpost.ingest;

import io.listeningpost.core.AuthorProfile;
import io.listeningpost.core.Interaction;
import io.listeningpost.core.Post;
import io.listeningpost.core.QuarantineRecord;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps everything in lists: for tests, and for the Spark adapter's per-split buffer. */
public final class CollectingSink implements RecordSink {
  public final List<Post> posts = new ArrayList<>();
  public final List<AuthorProfile> authors = new ArrayList<>();
  public final List<Interaction> interactions = new ArrayList<>();
  public final List<QuarantineRecord> quarantined = new ArrayList<>();

  @Override
  public void post(Post post) {
    posts.add(post);
  }

  @Override
  public void author(AuthorProfile author) {
    authors.add(author);
  }

  @Override
  public void interaction(Interaction interaction) {
    interactions.add(interaction);
  }

  @Override
  public void quarantine(QuarantineRecord record) {
    quarantined.add(record);
  }
}
