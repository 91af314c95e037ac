package dev.primer.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code primer bench compare} on a tiny plan (1 epoch, 1 seed, 2 schemes, 200 training and 100
 * test examples), each run a real child JVM: what it prints per round and per mode, how it reports
 * a run that fails, and its one-line errors. No timing is asserted, only that times were taken.
 */
class BenchCompareCommandTest {

  private static final List<String> TINY = List.of("--epochs", "1", "--seeds", "1", "--schemes",
      "zeros,he_normal", "--train-size", "200", "--test-size", "100");

  /** A row of a round's table: mode, wall s, cpu s, peak RSS MiB. */
  private static final Pattern ROW =
      Pattern.compile("(?m)^(separate|together|jobs2)\\s+([0-9.]+)\\s+(\\S+)\\s+(\\S+)$");

  @TempDir
  Path temp;

  @Test
  void oneRoundOfTwoModesMeasuresEachRunAndSummarizesThem() {
    CliRun run = CliRun.of(args("bench", "compare", "--rounds", "1", "--modes",
        "separate,together", "--"));
    assertThat(run.exitCode()).as(run.err()).isZero();
    String out = run.out();
    assertThat(out).startsWith("machine: ")
        .contains("command: primer bench compare --rounds 1 --modes separate,together --")
        .contains("  together  compare --together --epochs 1");
    String round = out.substring(out.indexOf("round 1"), out.indexOf("per mode over"));
    Map<String, double[]> rows = new HashMap<>();
    Matcher m = ROW.matcher(round);
    while (m.find()) {
      assertThat(rows.put(m.group(1), new double[] {Double.parseDouble(m.group(2)),
          number(m.group(3)), number(m.group(4))})).as("one row per mode").isNull();
    }
    assertThat(rows).containsOnlyKeys("separate", "together");
    boolean proc = Files.isReadable(Path.of("/proc/self/status"));
    for (double[] row : rows.values()) {
      assertThat(row[0]).as("wall s").isPositive();
      if (proc) {
        assertThat(row[1]).as("cpu s").isPositive();
        // a JVM that loaded TensorFlow's native library holds far more than 50 MiB
        assertThat(row[2]).as("peak RSS MiB").isGreaterThan(50);
      }
    }
    // with one round, each median is that round's value, and the ratio is of those values
    double[] separate = rows.get("separate");
    double[] together = rows.get("together");
    assertThat(out).contains("per mode over 1 round(s)")
        .containsPattern("(?m)^separate  " + Pattern.quote(fixed(separate[0], 2) + " ["
            + fixed(separate[0], 2) + ", " + fixed(separate[0], 2) + "]"));
    Matcher ratio = Pattern.compile("separate/together wall time: ([0-9.]+) of the medians;"
        + " per round ([0-9.]+) ").matcher(out);
    assertThat(ratio.find()).as(out).isTrue();
    double expected = separate[0] / together[0];
    // the table's values are rounded to 0.01 s
    double tolerance = expected * (0.005 / separate[0] + 0.005 / together[0]) + 0.0005;
    assertThat(Double.parseDouble(ratio.group(1))).isCloseTo(expected, within(tolerance));
    assertThat(ratio.group(2)).isEqualTo(ratio.group(1));
    assertThat(out).doesNotContain("separate/jobs2");
  }

  @Test
  void aRunThatFailsIsShownWithItsExitStatusAndStderrAndTheOtherModesStillRun() {
    CliRun run = CliRun.of("bench", "compare", "--rounds", "1", "--modes", "separate,together",
        "--compare-args", "--epochs 1 --seeds 1 --schemes zeros --train-size 99999999");
    assertThat(run.exitCode()).isEqualTo(ErrorReporter.RUNS_FAILED);
    for (String mode : List.of("separate", "together")) {
      assertThat(run.out()).contains(mode + "  failed: exit status 2; the last lines of its"
          + " standard error:");
    }
    assertThat(run.out()).contains("  | primer compare: error: --train-size: the training set has"
        + " 8,000 examples; cannot keep the first 99,999,999")
        .containsPattern("(?m)^separate  n/a +n/a +n/a$");
    assertThat(run.err()).isEqualTo("primer bench compare: 2 of 2 runs failed (exit code 3)"
        + System.lineSeparator());
  }

  @Test
  void anUnknownModeIsOneLineNamingTheOptionAndTheModes() {
    CliRun run = CliRun.of("bench", "compare", "--modes", "separate,bogus");
    assertThat(run.exitCode()).isEqualTo(ErrorReporter.USER_ERROR);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("primer bench compare: error: --modes: unknown mode 'bogus';"
        + " use some of separate, together, jobs2" + System.lineSeparator());
  }

  @Test
  void compareOptionsAreCheckedBeforeAnyRun() {
    CliRun twice = CliRun.of("bench", "compare", "--modes", "jobs2", "--", "--jobs", "3");
    assertThat(twice.exitCode()).isEqualTo(ErrorReporter.USER_ERROR);
    assertThat(twice.out()).isEmpty();
    assertThat(twice.err()).startsWith("primer bench compare: error: compare options, mode jobs2")
        .contains("option '--jobs' (N) should be specified only once");
    CliRun out = CliRun.of("bench", "compare", "--compare-args", "--out runs/x");
    assertThat(out.exitCode()).isEqualTo(ErrorReporter.USER_ERROR);
    assertThat(out.err()).isEqualTo("primer bench compare: error: compare options: --out is"
        + " chosen by bench compare (a new temporary directory per run); leave it out"
        + System.lineSeparator());
    CliRun mode = CliRun.of("bench", "compare", "--", "--together", "--epochs", "1");
    assertThat(mode.exitCode()).isEqualTo(ErrorReporter.USER_ERROR);
    assertThat(mode.err()).isEqualTo("primer bench compare: error: compare options: --together"
        + " is chosen by the modes (--modes separate, together, jobs2); leave it out"
        + System.lineSeparator());
    CliRun unknown = CliRun.of("bench", "compare", "--", "--epoch", "1");
    assertThat(unknown.exitCode()).isEqualTo(ErrorReporter.USER_ERROR);
    // (separate's own options, if compare has any, stand between DIR and --epoch)
    assertThat(unknown.err()).startsWith("primer bench compare: error: compare options, mode"
        + " separate (compare --out DIR ").endsWith("--epoch 1): Unknown options: '--epoch', '1'"
        + System.lineSeparator()).hasLineCount(1);
  }

  /**
   * The children start as the launchers start a command: both scripts (./primer and the one
   * docs/cluster/build-dist.sh writes) hold the same default JVM flags as the bench.
   */
  @Test
  void theLaunchersStartTheJvmWithTheBenchsDefaultFlags() throws Exception {
    String expected = "${PRIMER_JAVA_OPTS-" + BenchCompareCommand.DEFAULT_JAVA_OPTS + "}";
    Path root = Path.of("").toAbsolutePath().getParent();
    for (Path script : List.of(root.resolve("primer"),
        root.resolve("docs/cluster/build-dist.sh"))) {
      assertThat(Files.readString(script)).as("%s", script)
          .contains("exec java -Djava.awt.headless=true " + expected);
    }
  }

  @Test
  void everyModeSelectsItselfWithOptionsThatCompareHas() {
    CommandSpec compare = Main.commandLine().getSubcommands().get("compare").getCommandSpec();
    assertThat(BenchCompareCommand.MODES).extracting(BenchCompareCommand.Mode::name)
        .containsExactly("separate", "together", "jobs2");
    for (BenchCompareCommand.Mode mode : BenchCompareCommand.MODES) {
      assertThat(mode.args().stream().filter(arg -> arg.startsWith("--")))
          .as("options of mode %s", mode.name())
          .allMatch(option -> compare.findOption(option) != null);
    }
  }

  @Test
  void peakRssIsVmHwmOfAProcStatusFile() throws Exception {
    Path status = temp.resolve("status");
    Files.writeString(status, "Name:\tjava\nVmPeak:\t 9999999 kB\nVmHWM:\t  461796 kB\n"
        + "VmRSS:\t  400000 kB\n");
    assertThat(MeasuredProcess.peakRssMiB(status)).hasValue(461796 / 1024.0);
    Files.writeString(status, "Name:\tjava\nState:\tZ (zombie)\n");
    assertThat(MeasuredProcess.peakRssMiB(status)).isEmpty();
    assertThat(MeasuredProcess.peakRssMiB(temp.resolve("absent"))).isEmpty();
  }

  @Test
  void childrenGetTensorFlowsEnvironmentAsThePrimerScriptSetsIt() {
    Map<String, String> bare = new HashMap<>();
    BenchCompareCommand.primerEnvironment(bare);
    assertThat(bare).containsEntry("TF_CPP_MIN_LOG_LEVEL", "1")
        .containsEntry("TF_XLA_FLAGS", "--tf_xla_cpu_global_jit");
    Map<String, String> set = new HashMap<>(Map.of("TF_CPP_MIN_LOG_LEVEL", "3",
        "TF_XLA_FLAGS", "--tf_xla_auto_jit=2"));
    BenchCompareCommand.primerEnvironment(set);
    BenchCompareCommand.primerEnvironment(set);
    assertThat(set).containsEntry("TF_CPP_MIN_LOG_LEVEL", "3")
        .containsEntry("TF_XLA_FLAGS", "--tf_xla_auto_jit=2 --tf_xla_cpu_global_jit");
  }

  private static String[] args(String... first) {
    List<String> all = new java.util.ArrayList<>(List.of(first));
    all.addAll(TINY);
    return all.toArray(String[]::new);
  }

  private static double number(String text) {
    return text.equals("n/a") ? Double.NaN : Double.parseDouble(text);
  }

  private static String fixed(double v, int digits) {
    return String.format(java.util.Locale.ROOT, "%." + digits + "f", v);
  }
}
