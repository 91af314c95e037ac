package dev.primer.tf.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every session call of tf-bridge goes through {@link SessionCalls}, so that every one runs its
 * ops on the calling thread: no other main source file makes a runner or runs a session itself,
 * but the ones that keep TensorFlow's defaults on purpose (the TensorBoard writer's own small
 * session; the benchmark's raw MatMul rate and hand-written yardstick).
 */
class SessionCallsTest {
  private static final Pattern OWN_CALL =
      Pattern.compile("\\.runner\\(\\)|\\bsession(\\(\\))?\\.run\\(|\\bopened\\.run\\(");
  private static final Set<String> ALLOWED = Set.of(
      "internal/graph/SessionCalls.java", "summary/TensorBoardWriter.java",
      "bench/HandWrittenStep.java", "bench/MatMulRate.java");

  @Test
  void noOtherSourceCallsASessionOnItsOwn() throws IOException {
    Path root = Path.of("src/main/java/dev/primer/tf");
    assertThat(root).isDirectory();
    List<String> offenders;
    try (Stream<Path> files = Files.walk(root)) {
      offenders = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !ALLOWED.contains(root.relativize(f).toString().replace('\\', '/')))
          .filter(f -> {
            try {
              return OWN_CALL.matcher(Files.readString(f)).find();
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          })
          .map(f -> root.relativize(f).toString()).toList();
    }
    assertThat(offenders).as("files that call a session without SessionCalls").isEmpty();
    // the check can fail: the allowed files do call sessions on their own
    try (Stream<Path> allowed = ALLOWED.stream().map(root::resolve)) {
      assertThat(allowed.filter(f -> !f.endsWith("SessionCalls.java"))).allSatisfy(f ->
          assertThat(OWN_CALL.matcher(Files.readString(f)).find()).as(f.toString()).isTrue());
    }
  }
}
