package dev.primer.dsl.spec;

import dev.primer.dsl.base.SpecException;
import dev.primer.dsl.init.Inits;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.layer.Fragment;
import dev.primer.dsl.layer.InitChoices;
import dev.primer.dsl.layer.LayerSpec;
import dev.primer.dsl.layer.Repeat;
import dev.primer.dsl.layer.Residual;
import dev.primer.dsl.resolve.Parameter;
import dev.primer.dsl.resolve.ResolvedLayer;
import dev.primer.dsl.resolve.ResolvedNet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What {@link NetSpec#frozenFrom} makes of a spec's layers: a pretrained, frozen body. Every
 * kernel, recurrent kernel and bias starts from the array of its own name in a file ({@code
 * from(path, "dense_1/kernel")}), and every layer with parameters is frozen. The names are the
 * net's own, decided in one place ({@code dsl.resolve.Expansion}, read through {@link
 * ResolvedNet}).
 *
 * <p>Residual blocks: the branch's layers are loaded inside the block ({@code
 * block_3/dense_1/kernel}); the block itself has no parameters to load unless it has a skip
 * projection or a learned scale, which cannot be taken from a file yet and are refused, naming
 * the block. A repeat is written out, its copies one after another (named as before: a repeat's
 * copies are named as if written out), since each copy takes arrays of its own.
 */
final class PretrainedBody {
  private PretrainedBody() {
    throw new AssertionError("no instances");
  }

  /**
   * The layers of {@code spec} loaded from {@code path} and frozen.
   *
   * @throws SpecException for a layer whose parameters cannot be taken from a file (batch norm,
   *     a residual's projection or scale), naming it; for blocks in a spec without an input
   *     shape (a block's projection depends on the shapes)
   */
  static List<LayerSpec> load(NetSpec spec, String path) {
    List<LayerSpec> layers = spec.layers();
    boolean blocks = layers.stream().anyMatch(l -> l.layer() instanceof Residual
        || l.layer() instanceof Repeat);
    if (!blocks) {
      List<String> names = ResolvedNet.layerNames(layers);
      List<LayerSpec> loaded = new ArrayList<>();
      for (int i = 0; i < layers.size(); i++) {
        LayerSpec l = layers.get(i);
        loaded.add(layer(l, "layer " + i + " (" + l.layer().kind() + ")", names.get(i), path));
      }
      return loaded;
    }
    if (spec.input().isEmpty()) {
      throw new SpecException("frozenFrom: a body with residual or repeated blocks needs its"
          + " input shape (start it with input(...)), which decides whether a block has a skip"
          + " projection");
    }
    Iterator<ResolvedLayer> flat = spec.resolve().layers().iterator();
    return level(layers, flat, path);
  }

  /** The layers of one level (the net, or a residual's branch), in the net's flat order. */
  private static List<LayerSpec> level(List<LayerSpec> layers, Iterator<ResolvedLayer> flat,
      String path) {
    List<LayerSpec> loaded = new ArrayList<>();
    for (LayerSpec l : layers) {
      if (l.layer() instanceof Repeat r) {
        for (int copy = 0; copy < r.times(); copy++) {
          loaded.addAll(level(r.block().layers(), flat, path));
        }
      } else if (l.layer() instanceof Residual r) {
        List<LayerSpec> branch = level(r.block().layers(), flat, path);
        ResolvedLayer sum = flat.next();
        if (!sum.parameters().isEmpty()) {
          throw new SpecException(where(sum) + ": its "
              + String.join(" and ", sum.parameters().stream().map(Parameter::name).toList())
              + " cannot be taken from a file yet (only kernels, recurrent kernels and biases"
              + " can); end the body before it");
        }
        loaded.add(new LayerSpec(new Residual(new Fragment(branch), r.scale()), l.activation(),
            l.inits(), l.frozen()));
      } else {
        ResolvedLayer resolved = flat.next();
        loaded.add(layer(l, where(resolved), resolved.name(), path));
      }
    }
    return loaded;
  }

  /** One layer loaded from {@code path} by its name in the net, and frozen. */
  private static LayerSpec layer(LayerSpec l, String where, String name, String path) {
    if (!l.layer().hasParameters()) {
      return l;
    }
    if (l.layer().initializable().isEmpty()) {
      throw new SpecException(where + ": its parameters cannot be taken from a file (only"
          + " kernels, recurrent kernels and biases can); end the body before it");
    }
    InitChoices inits = l.inits();
    for (Role role : Role.values()) {
      if (l.layer().initializable().contains(role)) {
        inits = inits.with(role, Inits.from(path, name + "/" + role.paramName()));
      }
    }
    return l.withInits(inits).freeze();
  }

  /** {@code layer block_0/batch_norm_0 (batchNorm)}: a layer inside a block, by its name. */
  private static String where(ResolvedLayer layer) {
    return "layer " + layer.name() + " (" + layer.kind() + ")";
  }
}
