package dev.primer.tf.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The (scheme, seed) runs of a comparison, or of each depth of a sweep, in the plan's order:
 * schemes outer, seeds inner. It numbers the runs for {@link Shard}'s rule and joins the runs
 * of shards back into one set ({@link #merge}, {@link #mergeDepths}), checking that they are
 * one plan's slices, each run there exactly once.
 *
 * @param schemes the schemes' text names, in order
 * @param seeds the seeds, in order
 */
public record RunGrid(List<String> schemes, List<Long> seeds) {

  /** Copies both lists. */
  public RunGrid {
    schemes = List.copyOf(schemes);
    seeds = List.copyOf(seeds);
  }

  /** Runs in the grid: schemes times seeds. */
  public int size() {
    return schemes.size() * seeds.size();
  }

  /**
   * The run's number from 0 in the plan's order: {@code schemeIndex * seeds + seedIndex}; -1 if
   * the grid has no such run.
   */
  public int position(String scheme, long seed) {
    int s = schemes.indexOf(scheme);
    int k = seeds.indexOf(seed);
    return s < 0 || k < 0 ? -1 : s * seeds.size() + k;
  }

  /**
   * The runs of a comparison's shards as one set, in the plan's order: what one process running
   * the whole plan returns (wall times aside).
   *
   * @param shards every shard of one cut of the grid, each once, in any order
   * @throws IllegalArgumentException naming the source and the runs: shards of different cuts,
   *     a shard missing or given twice, a run not of this grid or not of its shard's slice, a
   *     run in two sources, runs missing (a shard that did not finish)
   */
  public List<SchemeRun> merge(List<ShardRuns> shards) {
    List<Part> parts = new ArrayList<>();
    for (ShardRuns shard : shards) {
      List<Placed> placed = new ArrayList<>();
      for (SchemeRun run : shard.runs()) {
        placed.add(new Placed(position(run.scheme(), run.seed()), describe(run), run));
      }
      parts.add(new Part(shard.source(), shard.shard(), placed));
    }
    return List.of(join(parts, size(), this::describeAt));
  }

  /**
   * The runs of a sweep's shards as one set: per depth of {@code depths}, in their order, that
   * depth's runs in the plan's order. Runs are numbered over the whole sweep, depths outer:
   * {@code depthIndex * size() + position}.
   *
   * @param depths the sweep's depths, in its order
   * @param shards every shard of one cut of the sweep's grid, each once, in any order
   * @throws IllegalArgumentException as {@link #merge} does, naming the depth of a run too
   */
  public Map<Integer, List<SchemeRun>> mergeDepths(List<Integer> depths,
      List<SweepShardRuns> shards) {
    List<Part> parts = new ArrayList<>();
    for (SweepShardRuns shard : shards) {
      List<Placed> placed = new ArrayList<>();
      shard.runsByDepth().forEach((depth, runs) -> {
        int d = depths.indexOf(depth);
        for (SchemeRun run : runs) {
          int p = position(run.scheme(), run.seed());
          placed.add(new Placed(d < 0 || p < 0 ? -1 : d * size() + p,
              "depth " + depth + " " + describe(run), run));
        }
      });
      parts.add(new Part(shard.source(), shard.shard(), placed));
    }
    SchemeRun[] all = join(parts, depths.size() * size(),
        position -> "depth " + depths.get(position / size()) + " "
            + describeAt(position % size()));
    Map<Integer, List<SchemeRun>> byDepth = new LinkedHashMap<>();
    for (int d = 0; d < depths.size(); d++) {
      byDepth.put(depths.get(d), List.of(all).subList(d * size(), (d + 1) * size()));
    }
    return byDepth;
  }

  /** A shard's runs, each with its number in the grid (-1: not of the grid). */
  private record Part(String source, Shard shard, List<Placed> runs) {}

  private record Placed(int position, String label, SchemeRun run) {}

  /** The one merge rule, over runs numbered 0 to total - 1. */
  private static SchemeRun[] join(List<Part> parts, int total,
      java.util.function.IntFunction<String> label) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge: no shard given");
    }
    int count = parts.get(0).shard().count();
    Map<Integer, String> sources = new TreeMap<>();
    for (Part part : parts) {
      if (part.shard().count() != count) {
        throw new IllegalArgumentException("the shards are of different cuts of the grid: "
            + parts.get(0).source() + " is shard " + parts.get(0).shard() + ", "
            + part.source() + " is shard " + part.shard());
      }
      String before = sources.put(part.shard().index(), part.source());
      if (before != null) {
        throw new IllegalArgumentException("shard " + part.shard() + " is given twice: "
            + before + " and " + part.source());
      }
    }
    List<String> missingShards = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (!sources.containsKey(i)) {
        missingShards.add(new Shard(i, count).toString());
      }
    }
    if (!missingShards.isEmpty()) {
      throw new IllegalArgumentException("shard" + (missingShards.size() == 1 ? " " : "s ")
          + String.join(", ", missingShards) + (missingShards.size() == 1 ? " is" : " are")
          + " missing; given: " + sources.entrySet().stream()
              .map(e -> e.getKey() + "/" + count + " (" + e.getValue() + ")").toList());
    }
    SchemeRun[] all = new SchemeRun[total];
    String[] from = new String[total];
    for (Part part : parts) {
      for (Placed placed : part.runs()) {
        int position = placed.position();
        if (position < 0) {
          throw new IllegalArgumentException(part.source() + ": the run " + placed.label()
              + " is not one of the plan's runs");
        }
        if (!part.shard().holds(position)) {
          throw new IllegalArgumentException(part.source() + ": the run " + placed.label()
              + " belongs to shard " + Shard.of(position, count) + ", not to its shard "
              + part.shard());
        }
        if (all[position] != null) {
          throw new IllegalArgumentException("the run " + placed.label() + " is given twice: in "
              + from[position] + " and in " + part.source());
        }
        all[position] = placed.run();
        from[position] = part.source();
      }
    }
    List<String> missing = new ArrayList<>();
    for (int position = 0; position < total; position++) {
      if (all[position] == null) {
        Shard shard = Shard.of(position, count);
        missing.add(label.apply(position) + " (shard " + shard + ", "
            + sources.get(shard.index()) + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(missing.size() + " of " + total + " runs are missing"
          + " (a shard that did not finish: continue it with --resume): "
          + String.join("; ", missing.subList(0, Math.min(10, missing.size())))
          + (missing.size() > 10 ? "; ..." : ""));
    }
    return all;
  }

  private String describeAt(int position) {
    return schemes.get(position / seeds.size()) + " seed " + seeds.get(position % seeds.size());
  }

  private static String describe(SchemeRun run) {
    return run.scheme() + " seed " + run.seed();
  }
}
