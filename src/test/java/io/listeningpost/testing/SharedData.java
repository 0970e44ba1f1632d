package io.listeningpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real public datasets in ../shared/datasets, which CI has beside the project. */
public final class SharedData {
  private SharedData() {}

  public static Path dataset(String relative) {
    Path p = Path.of("..", "shared", "datasets").resolve(relative).toAbsolutePath().normalize();
    assertThat(Files.exists(p)).as("shared dataset %s must be present beside the project (../shared)", p).isTrue();
    return p;
  }

  public static Path sample(String relative) {
    Path p = Path.of("data-samples").resolve(relative).toAbsolutePath().normalize();
    assertThat(Files.exists(p)).as("data sample %s", p).isTrue();
    return p;
  }
}
