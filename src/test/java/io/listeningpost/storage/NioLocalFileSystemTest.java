package io.listeningpost.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NioLocalFileSystemTest {

  @Test
  void everyConfigurationOpensLocalPathsWithItAndPermissionsLandOnDisk(@TempDir Path dir) throws Exception {
    NioLocalFileSystem.useForLocalFiles();
    Configuration conf = new Configuration();
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(dir.resolve("a/b/part.txt").toUri());
    FileSystem fs = FileSystem.newInstance(file.toUri(), conf);
    assertThat(fs).isInstanceOf(NioLocalFileSystem.class);
    try (var out = fs.create(file, new FsPermission((short) 0640), false, 4096, (short) 1, 1 << 20, null)) {
      out.writeUTF("x");
    }
    fs.setPermission(file.getParent(), new FsPermission((short) 0750));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b/part.txt"))))
        .isEqualTo("rw-r-----");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))))
        .isEqualTo("rwxr-x---");
    // The checksum file beside it: still Hadoop's LocalFileSystem underneath.
    assertThat(dir.resolve("a/b/.part.txt.crc")).exists();
    fs.close();
  }
}
