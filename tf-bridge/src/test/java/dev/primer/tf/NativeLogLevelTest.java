package dev.primer.tf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.Net;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The switch the README documents for TensorFlow's native log lines: {@code TF_CPP_MIN_LOG_LEVEL=1}
 * in the environment of the JVM hides TensorFlow's info lines on stderr, and without it they are
 * there (so the check below does see them). Each case starts a JVM that compiles a model and
 * predicts once; a JVM cannot set its own environment, hence the child processes.
 */
class NativeLogLevelTest {

  /** TensorFlow's own info lines: {@code 2026-12-01 20:41:07.433304: I tensorflow/…}. */
  private static final Pattern INFO_LINE = Pattern.compile("^\\S+ \\S+: I .*");

  @Test
  void levelOneHidesTensorFlowsInfoLinesAndLevelZeroShowsThem() throws Exception {
    List<String> quiet = stderrOfChild("1");
    List<String> verbose = stderrOfChild("0");

    assertThat(verbose).as("stderr at level 0").anyMatch(l -> INFO_LINE.matcher(l).matches());
    assertThat(quiet).as("stderr at level 1").noneMatch(l -> INFO_LINE.matcher(l).matches());
  }

  /** Runs {@link #main} in a new JVM with {@code TF_CPP_MIN_LOG_LEVEL=level}; its stderr lines. */
  private static List<String> stderrOfChild(String level) throws IOException, InterruptedException {
    Path err = Files.createTempFile("primer-log-level", ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
          NativeLogLevelTest.class.getName())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
      builder.environment().put("TF_CPP_MIN_LOG_LEVEL", level);
      Process process = builder.start();
      boolean exited = process.waitFor(120, TimeUnit.SECONDS);
      if (!exited) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      List<String> lines = Files.readAllLines(err);
      assertThat(exited).as("child JVM finished; stderr: %s", lines).isTrue();
      assertThat(process.exitValue()).as("child JVM exit status; stderr: %s", lines).isZero();
      return lines;
    } finally {
      Files.deleteIfExists(err);
    }
  }

  /** The child: loads TensorFlow, builds a graph and runs a session once. */
  public static void main(String[] args) {
    try (Model model = Model.compile(Net.input(4).dense(2).softmax(), 1)) {
      float[] out = model.predict(new float[] {1, 2, 3, 4});
      System.out.println(out.length);
    }
  }
}
