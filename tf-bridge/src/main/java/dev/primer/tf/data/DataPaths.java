package dev.primer.tf.data;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Tells a data path that does not exist from one that exists but cannot be used, by real
 * attempts rather than by permission bits (which, for example, root ignores): a lookup of the
 * path's attributes, then, for a file, an open. {@code Files.isRegularFile} and {@code
 * Files.exists} answer {@code false} for both, which once made an unreadable directory read as
 * "missing".
 */
final class DataPaths {

  private DataPaths() {
    throw new AssertionError("no instances");
  }

  /**
   * Checks that {@code dir} is a directory whose attributes can be read.
   *
   * @throws DataFileException does not exist, not a directory, or not readable
   */
  static void checkDirectory(Path dir) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(dir, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw DataFileException.noSuchDirectory(dir);
    } catch (IOException e) {
      throw DataFileException.notReadable(dir.toString(), e);
    }
    if (!attributes.isDirectory()) {
      throw DataFileException.notADirectory(dir);
    }
  }

  /**
   * Whether {@code name} in {@code dir} is a regular file that opens for reading.
   *
   * @return false if nothing of that name exists
   * @throws DataFileException if something of that name exists but is not a readable regular
   *     file: {@code dir} cannot be searched, the file cannot be opened, it is a directory or a
   *     special file
   */
  static boolean readableFile(Path dir, String name) {
    Path file = dir.resolve(name);
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return false;
    } catch (AccessDeniedException e) {
      throw linkVisible(file)
          ? DataFileException.notReadable(file.toString(), e)
          : DataFileException.directoryNotReadable(dir, name, e);
    } catch (IOException e) {
      throw DataFileException.notReadable(file.toString(), e);
    }
    if (attributes.isDirectory()) {
      throw DataFileException.notAFile(file, "a directory");
    }
    if (!attributes.isRegularFile()) {
      throw DataFileException.notAFile(file, "a device, pipe or socket");
    }
    try (SeekableByteChannel opened = Files.newByteChannel(file)) {
      return true;
    } catch (IOException e) {
      throw DataFileException.notReadable(file.toString(), e);
    }
  }

  /**
   * Whether {@code file} itself (a link is not followed) can be looked up: if not, the denied
   * lookup was of its directory.
   */
  private static boolean linkVisible(Path file) {
    try {
      Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
