package dev.primer.dsl.resolve;

import dev.primer.dsl.init.Place;
import dev.primer.dsl.layer.Layer;
import dev.primer.dsl.layer.LayerSpec;
import dev.primer.dsl.layer.Repeat;
import dev.primer.dsl.layer.Residual;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A spec's layers written out flat, in the order the net computes them: each {@link Repeat}
 * replaced by its copies, each {@link Residual} by its branch's layers followed by one entry
 * for the sum. The one place layer names and {@link Place}s are decided.
 *
 * <p>Names: at each level (the net, or one residual's branch) a layer is its kind's stem and its
 * ordinal among that level's layers of that stem ({@code dense_0}, {@code dense_1}); a residual
 * is {@code block_k}, and its branch's layers are named inside it ({@code block_7/dense_1},
 * nested residuals nest: {@code block_2/block_0/dense_0}). A repeat's copies are named as if
 * written out, so {@code repeat(50, residual(...))} gives {@code block_0} to {@code block_49}.
 *
 * <p>Places: L is the number of residual sums in the net; a weighted layer (see
 * {@link #weighted}) inside a branch gets the count m of weighted layers of its innermost branch (not those
 * of residuals nested in it) and its index among them; the net's last weighted layer is its
 * output layer when it sits outside every branch. Every other layer (pooling, batch norm, the
 * sum itself) gets {@code Place(L, 0, -1, false)}.
 */
final class Expansion {
  private Expansion() {
    throw new AssertionError("no instances");
  }

  /**
   * One entry of the flat net.
   *
   * @param name the layer's name in the net ({@code block_7/dense_1})
   * @param spec the layer as written in its block
   * @param branchStart for a residual sum, the flat index of its branch's first layer; else -1
   * @param branch the innermost residual branch the entry sits in (numbered in order), or -1
   * @param where the entry's position as written, for messages
   */
  record Entry(String name, LayerSpec spec, int branchStart, int branch, Where where) {
    /** Whether the entry is the sum that ends a residual. */
    boolean sum() {
      return branchStart >= 0;
    }
  }

  /**
   * The position of a layer as written: its index and kind in its block, the residual block or
   * repeated copy it names, and where that block sits ({@code layer 2 (repeat) copy 7, layer 0
   * (residual) block_7, layer 1 (dense)}). Formatted only when a message needs it.
   */
  record Where(Where outer, int index, String kind, String detail) {
    @Override
    public String toString() {
      String here = "layer " + index + " (" + kind + ")" + (detail.isEmpty() ? "" : " " + detail);
      return outer == null ? here : outer + ", " + here;
    }
  }

  /** {@code layers} written out flat; the first is at index {@code firstIndex} of its spec. */
  static List<Entry> of(List<LayerSpec> layers, int firstIndex) {
    Builder builder = new Builder();
    builder.level(layers, "", new HashMap<>(), null, -1, firstIndex);
    return builder.out;
  }

  private static final class Builder {
    private final List<Entry> out = new ArrayList<>();
    private int branches;

    void level(List<LayerSpec> layers, String prefix, Map<String, Integer> perKind, Where outer,
        int branch, int firstIndex) {
      for (int i = 0; i < layers.size(); i++) {
        LayerSpec spec = layers.get(i);
        Layer layer = spec.layer();
        int index = firstIndex + i;
        if (layer instanceof Repeat r) {
          for (int copy = 0; copy < r.times(); copy++) {
            level(r.block().layers(), prefix, perKind,
                new Where(outer, index, layer.kind(), "copy " + copy), branch, 0);
          }
          continue;
        }
        String stem = layer.nameStem();
        String name = prefix + stem + "_" + (perKind.merge(stem, 1, Integer::sum) - 1);
        if (layer instanceof Residual r) {
          Where where = new Where(outer, index, layer.kind(), name.substring(prefix.length()));
          int id = branches++;
          int start = out.size();
          level(r.block().layers(), name + "/", new HashMap<>(), where, id, 0);
          out.add(new Entry(name, spec, start, branch, where));
        } else {
          out.add(new Entry(name, spec, -1, branch, new Where(outer, index, layer.kind(), "")));
        }
      }
    }
  }

  /**
   * Whether the entry is a weighted layer: one that mixes units with parameters of its own
   * (dense, conv, recurrent; a new kind says so by {@code mixesUnits} and
   * {@code hasParameters}), not a residual's sum.
   */
  static boolean weighted(Entry entry) {
    Layer layer = entry.spec().layer();
    return !entry.sum() && layer.mixesUnits() && layer.hasParameters();
  }

  /** The {@link Place} of each entry, as the class comment says. */
  static List<Place> places(List<Entry> entries) {
    int sums = 0;
    int lastWeighted = -1;
    Map<Integer, Integer> perBranch = new HashMap<>();
    for (int j = 0; j < entries.size(); j++) {
      Entry e = entries.get(j);
      if (e.sum()) {
        sums++;
      } else if (weighted(e)) {
        lastWeighted = j;
        if (e.branch() >= 0) {
          perBranch.merge(e.branch(), 1, Integer::sum);
        }
      }
    }
    List<Place> places = new ArrayList<>(entries.size());
    Map<Integer, Integer> seen = new HashMap<>();
    Place other = new Place(sums, 0, -1, false);
    for (int j = 0; j < entries.size(); j++) {
      Entry e = entries.get(j);
      if (!weighted(e)) {
        places.add(other);
      } else if (e.branch() >= 0) {
        int index = seen.merge(e.branch(), 1, Integer::sum) - 1;
        places.add(new Place(sums, perBranch.get(e.branch()), index, false));
      } else {
        places.add(j == lastWeighted ? new Place(sums, 0, -1, true) : other);
      }
    }
    return places;
  }
}
