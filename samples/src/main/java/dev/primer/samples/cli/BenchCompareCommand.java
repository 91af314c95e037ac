package dev.primer.samples.cli;

import dev.primer.tf.device.CpuFeatures;
import dev.primer.tf.bench.Spread;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code primer bench compare}: what a user of {@code primer compare} waits for — each run a new
 * JVM, as {@code ./primer compare} starts it — measured in alternating rounds per way of running
 * the comparison (runs one by one, together in graphs of several runs, in two workers): wall
 * time, CPU time and
 * peak resident set ({@link MeasuredProcess}), then per mode the median, min and max and the
 * ratios between modes.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Measure primer compare's wall time and peak memory, its runs one by one,",
      "together in graphs of several runs (the default), and in two workers.",
      "",
      "Every measurement is a new JVM running primer compare as ./primer starts it",
      "(this JVM's java and classpath, TF_CPP_MIN_LOG_LEVEL and TF_XLA_FLAGS as",
      "./primer sets them, its JVM flags or PRIMER_JAVA_OPTS), into a new temporary",
      "--out that is deleted afterwards: JVM start, data, graphs, training and",
      "report, all of what a user waits for. Modes (--modes):",
      "  separate  --separate: every run in a model of its own, one after the other;",
      "  together  --together (the default): groups of up to 9 runs, each in lanes",
      "            (one graph per core on one thread each), one group after another;",
      "  jobs2     --separate --jobs 2: separate runs in two workers (TensorFlow's",
      "            intra-op threads shared by them).",
      "Rounds run every mode once, in an order rotated every round so machine noise",
      "hits each. Per run: wall time from start to exit; CPU time (user + system)",
      "and peak resident set (VmHWM of /proc/<pid>/status, n/a without /proc), both",
      "polled every " + MeasuredProcess.POLL_MILLIS + " ms while the run lasts. Prints a table per",
      "round, then per mode the median [min, max], and the ratios separate/together and",
      "separate/jobs2: of the medians, and the median [min, max] of the per-round",
      "ratios. A run that fails is shown with its exit status and the last lines of",
      "its standard error, and the rounds go on (exit code 3 at the end).",
      "Options after -- (or in --compare-args) go to every compare, e.g. a small",
      "plan: primer bench compare -- --epochs 1 --seeds 1 --schemes zeros,he_normal",
      "Record results in BENCHMARKS.md with the command that produced them.",
      ""
    })
final class BenchCompareCommand implements Callable<Integer> {

  /**
   * One way of running the comparison.
   *
   * @param name its name in --modes and the tables
   * @param args the options of compare that select it
   */
  record Mode(String name, List<String> args) {
    Mode {
      args = List.of(args.toArray(String[]::new));
    }
  }

  /**
   * The JVM flags {@code ./primer} starts a command with when {@code PRIMER_JAVA_OPTS} is unset
   * (the launcher script says why); a set {@code PRIMER_JAVA_OPTS}, even empty, replaces them.
   */
  static final String DEFAULT_JAVA_OPTS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

  /** The modes and the compare options that select each: the one place that knows them. */
  static final List<Mode> MODES = List.of(new Mode("separate", List.of("--separate")),
      new Mode("together", List.of("--together")),
      new Mode("jobs2", List.of("--separate", "--jobs", "2")));

  /** The ratios printed, each the first mode's wall time over the second's. */
  private static final List<List<String>> RATIOS =
      List.of(List.of("separate", "together"), List.of("separate", "jobs2"));

  @Option(names = "--modes", split = ",", paramLabel = "LIST",
      description = "Modes to measure: some of separate, together, jobs2. Default: all of"
          + " them.")
  List<String> modeNames;

  @Option(names = "--rounds", defaultValue = "3", paramLabel = "R",
      description = "Measured rounds. Default: ${DEFAULT-VALUE}.")
  int rounds;

  @Option(names = "--warmup",
      description = "Run a first round that is not counted (each run is a new JVM anyway)."
          + " Default: off.")
  boolean warmup;

  @Option(names = "--compare-args", paramLabel = "\"OPTIONS\"",
      description = "Options for every compare, separated by spaces, e.g. \"--epochs 1"
          + " --seeds 1\" (not --out or --resume; not the modes' own options)."
          + " Default: none, compare's default plan.")
  String compareArgs;

  @Parameters(paramLabel = "COMPARE_OPTIONS",
      description = "After --: more options for every compare, as in --compare-args.")
  List<String> trailing = new ArrayList<>();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    List<Mode> chosen = chosen(MODES);
    if (rounds < 1) {
      throw new UserException("--rounds must be >= 1, got " + rounds);
    }
    List<String> passed = passedArgs();
    for (Mode mode : chosen) {
      check(mode, passed);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    out.printf(Locale.ROOT, "machine: %s, %d processors%n", CpuFeatures.detect().describe(),
        Runtime.getRuntime().availableProcessors());
    // the arguments from the root command on: "bench compare --rounds ..."
    out.printf(Locale.ROOT, "command: primer %s%n",
        String.join(" ", spec.commandLine().getParseResult().originalArgs()));
    out.printf(Locale.ROOT, "%d measured round(s)%s, modes in an order rotated every round;"
        + " each run a new JVM: primer compare --out <new temp dir> ...%n", rounds,
        warmup ? " after a warm-up" : "");
    for (Mode mode : chosen) {
      out.printf(Locale.ROOT, "  %-9s compare%s%n", mode.name(),
          String.join("", Stream.concat(mode.args().stream(), passed.stream())
              .map(a -> " " + a).toList()));
    }
    out.flush();

    Map<String, List<MeasuredProcess>> measured = new LinkedHashMap<>();
    chosen.forEach(mode -> measured.put(mode.name(), new ArrayList<>()));
    int failed = 0;
    int total = 0;
    Path temp = createTempDirectory();
    try {
      int first = warmup ? 0 : 1;
      for (int round = first; round <= rounds; round++) {
        out.printf(Locale.ROOT, "%n%s%n%s", round == 0 ? "warm-up round (not counted)"
            : "round " + round, String.format(Locale.ROOT, ROW, "mode", "wall s", "cpu s",
            "peak RSS MiB"));
        out.flush();
        MeasuredProcess[] results = new MeasuredProcess[chosen.size()];
        for (int k = 0; k < chosen.size(); k++) {
          int i = (round + k) % chosen.size();
          Mode mode = chosen.get(i);
          MeasuredProcess run = runOnce(mode, passed, temp.resolve(round + "-" + mode.name()));
          results[i] = run;
          total++;
          if (run.exitCode() != 0) {
            failed++;
            out.printf(Locale.ROOT, "%-9s failed: exit status %d; the last lines of its"
                + " standard error:%n", mode.name(), run.exitCode());
            run.stderrTail().forEach(line -> out.println("  | " + line));
          } else {
            out.printf(Locale.ROOT, ROW, mode.name(), fixed(run.wallSeconds(), 2),
                value(run.cpuSeconds(), 2), value(run.peakRssMiB(), 1));
          }
          out.flush();
        }
        if (round > 0) {
          for (int i = 0; i < chosen.size(); i++) {
            measured.get(chosen.get(i).name()).add(results[i]);
          }
        }
      }
    } finally {
      deleteRecursively(temp);
    }
    summarize(out, measured);
    if (failed > 0) {
      err.printf(Locale.ROOT, "primer bench compare: %d of %d runs failed (exit code %d)%n",
          failed, total, ErrorReporter.RUNS_FAILED);
      err.flush();
      return ErrorReporter.RUNS_FAILED;
    }
    return 0;
  }

  private static final String ROW = "%-9s %9s %9s %13s%n";

  private List<Mode> chosen(List<Mode> all) {
    Map<String, Mode> known = new LinkedHashMap<>();
    all.forEach(mode -> known.put(mode.name(), mode));
    if (modeNames == null) {
      return all;
    }
    List<Mode> chosen = new ArrayList<>();
    for (String name : modeNames) {
      Mode mode = known.get(name.trim());
      if (mode == null) {
        throw new UserException("--modes: unknown mode '" + name + "'; use some of "
            + String.join(", ", known.keySet()));
      }
      if (!chosen.contains(mode)) {
        chosen.add(mode);
      }
    }
    return chosen;
  }

  /** The options of --compare-args, then those after --. */
  private List<String> passedArgs() {
    List<String> passed = new ArrayList<>();
    if (compareArgs != null && !compareArgs.isBlank()) {
      passed.addAll(Arrays.asList(compareArgs.trim().split("\\s+")));
    }
    passed.addAll(trailing);
    return passed;
  }

  /**
   * Parses what one mode's runs will be given, as compare would, so that a bad option is
   * reported now and not by every run.
   */
  private static void check(Mode mode, List<String> passed) {
    for (String arg : passed) {
      for (String owned : List.of("--out", "--resume")) {
        if (arg.equals(owned) || arg.startsWith(owned + "=")) {
          throw new UserException("compare options: " + owned + " is chosen by bench compare"
              + " (a new temporary directory per run); leave it out");
        }
      }
      if (arg.equals("--separate") || arg.equals("--together")) {
        throw new UserException("compare options: " + arg + " is chosen by the modes (--modes"
            + " separate, together, jobs2); leave it out");
      }
    }
    List<String> args = new ArrayList<>(List.of("compare", "--out", "DIR"));
    args.addAll(mode.args());
    args.addAll(passed);
    try {
      Main.commandLine().parseArgs(args.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw new UserException("compare options, mode " + mode.name() + " ("
          + String.join(" ", args) + "): " + e.getMessage());
    }
  }

  private MeasuredProcess runOnce(Mode mode, List<String> passed, Path dir) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Djava.awt.headless=true");
    String javaOpts = System.getenv("PRIMER_JAVA_OPTS");
    String opts = javaOpts == null ? DEFAULT_JAVA_OPTS : javaOpts;
    if (!opts.isBlank()) {
      command.addAll(Arrays.asList(opts.trim().split("\\s+")));
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "compare", "--out", dir.resolve("out").toString()));
    command.addAll(mode.args());
    command.addAll(passed);
    ProcessBuilder builder = new ProcessBuilder(command);
    primerEnvironment(builder.environment());
    try {
      Files.createDirectories(dir);
      return MeasuredProcess.run(builder, dir.resolve("stderr.txt"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteRecursively(dir);
    }
  }

  /** The flag of TF_XLA_FLAGS that lets a model compiled with XLA use the JIT on the CPU. */
  private static final String XLA_JIT = "--tf_xla_cpu_global_jit";

  /**
   * TensorFlow's environment as the {@code primer} script at the repository root sets it (keep
   * the two alike): TF_CPP_MIN_LOG_LEVEL 1 unless set, and XLA's CPU JIT added to TF_XLA_FLAGS.
   */
  static void primerEnvironment(Map<String, String> env) {
    env.putIfAbsent("TF_CPP_MIN_LOG_LEVEL", "1");
    String flags = env.getOrDefault("TF_XLA_FLAGS", "");
    if (!(" " + flags + " ").contains(" " + XLA_JIT + " ")) {
      env.put("TF_XLA_FLAGS", flags.isEmpty() ? XLA_JIT : flags + " " + XLA_JIT);
    }
  }

  private void summarize(PrintWriter out, Map<String, List<MeasuredProcess>> measured) {
    out.printf(Locale.ROOT, "%nper mode over %d round(s), runs that failed left out: median"
        + " [min, max]%n%-9s %-24s %-24s %s%n", rounds, "mode", "wall s", "cpu s",
        "peak RSS MiB");
    for (Map.Entry<String, List<MeasuredProcess>> e : measured.entrySet()) {
      List<MeasuredProcess> ok = e.getValue().stream().filter(r -> r.exitCode() == 0).toList();
      out.printf(Locale.ROOT, "%-9s %-24s %-24s %s%n", e.getKey(),
          spread(ok, r -> OptionalDouble.of(r.wallSeconds()), 2),
          spread(ok, MeasuredProcess::cpuSeconds, 2), spread(ok, MeasuredProcess::peakRssMiB, 1));
    }
    for (List<String> pair : RATIOS) {
      List<MeasuredProcess> a = measured.get(pair.get(0));
      List<MeasuredProcess> b = measured.get(pair.get(1));
      if (a == null || b == null) {
        continue;
      }
      String name = pair.get(0) + "/" + pair.get(1);
      out.printf(Locale.ROOT, "%s wall time: %s of the medians; per round %s%n", name,
          ofMedians(a, b, r -> OptionalDouble.of(r.wallSeconds())),
          perRound(a, b, r -> OptionalDouble.of(r.wallSeconds())));
      out.printf(Locale.ROOT, "%s peak RSS:  %s of the medians; per round %s%n", name,
          ofMedians(a, b, MeasuredProcess::peakRssMiB), perRound(a, b,
              MeasuredProcess::peakRssMiB));
    }
    out.flush();
  }

  /** The values of the runs that succeeded and have one. */
  private static double[] values(List<MeasuredProcess> runs,
      Function<MeasuredProcess, OptionalDouble> of) {
    return runs.stream().filter(r -> r.exitCode() == 0).map(of)
        .filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble)
        .toArray();
  }

  private static String spread(List<MeasuredProcess> runs,
      Function<MeasuredProcess, OptionalDouble> of, int digits) {
    double[] values = values(runs, of);
    if (values.length == 0) {
      return "n/a";
    }
    Spread s = Spread.of(values);
    return fixed(s.median(), digits) + " [" + fixed(s.min(), digits) + ", "
        + fixed(s.max(), digits) + "]";
  }

  private static String ofMedians(List<MeasuredProcess> a, List<MeasuredProcess> b,
      Function<MeasuredProcess, OptionalDouble> of) {
    double[] x = values(a, of);
    double[] y = values(b, of);
    return x.length == 0 || y.length == 0 ? "n/a"
        : fixed(Spread.of(x).median() / Spread.of(y).median(), 3);
  }

  /** Median [min, max] of the ratios in the rounds where both runs succeeded. */
  private static String perRound(List<MeasuredProcess> a, List<MeasuredProcess> b,
      Function<MeasuredProcess, OptionalDouble> of) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      MeasuredProcess x = a.get(i);
      MeasuredProcess y = b.get(i);
      if (x.exitCode() == 0 && y.exitCode() == 0 && of.apply(x).isPresent()
          && of.apply(y).isPresent()) {
        ratios.add(of.apply(x).getAsDouble() / of.apply(y).getAsDouble());
      }
    }
    if (ratios.isEmpty()) {
      return "n/a";
    }
    Spread s = Spread.of(ratios);
    return fixed(s.median(), 3) + " [" + fixed(s.min(), 3) + ", " + fixed(s.max(), 3) + "]";
  }

  private static String value(OptionalDouble v, int digits) {
    return v.isPresent() ? fixed(v.getAsDouble(), digits) : "n/a";
  }

  private static String fixed(double v, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", v);
  }

  private static Path createTempDirectory() {
    try {
      return Files.createTempDirectory("primer-bench-compare-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory: " + e.getMessage(), e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory left behind is no reason to lose the measurements
    }
  }
}
