package io.listeningpost.ingest;

import io.listeningpost.core.AuthorProfile;
import io.listeningpost.core.Interaction;
import io.listeningpost.core.Post;
import io.listeningpost.core.QuarantineRecord;

/** Where an adapter puts what it made of its input. Every raw record ends in at least one call. */
public interface RecordSink {
  void post(Post post);

  void author(AuthorProfile author);

  void interaction(Interaction interaction);

  void quarantine(QuarantineRecord record);
}
