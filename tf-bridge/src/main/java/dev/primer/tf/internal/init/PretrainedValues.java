package dev.primer.tf.internal.init;

import dev.primer.dsl.base.Suggestions;
import dev.primer.dsl.init.InitNames;
import dev.primer.dsl.init.Mimetic;
import dev.primer.dsl.init.Pretrained;
import dev.primer.dsl.init.Sampler;
import dev.primer.dsl.resolve.Block;
import dev.primer.dsl.resolve.Parameter;
import dev.primer.dsl.resolve.ResolvedLayer;
import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.tf.io.NpyArray;
import dev.primer.tf.io.Npz;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The values of every parameter initialized {@code from(path, array)} ({@link Pretrained}), read
 * and checked when a net is compiled, before any op is built or any training starts. Each file
 * is read once however many parameters name it. A path that is a directory is a saved model's
 * ({@code Model.save}): its {@code weights.npz} is read.
 *
 * <p>Every problem is refused with the layer (index and kind), the parameter, the file and the
 * array: a missing or unreadable file, a missing array (with the closest name it has), and a
 * shape that differs from the parameter's:
 * {@code layer 0 (dense): kernel [784, 256] cannot take array 'dense_0/kernel' of
 * base/weights.npz: its shape is [784, 128]}.
 */
public final class PretrainedValues {
  /** The file a saved model's directory holds its weights in (see {@code Model.save}). */
  public static final String SAVED_WEIGHTS = "weights.npz";

  private PretrainedValues() {
    throw new AssertionError("no instances");
  }

  /**
   * The values of each parameter of {@code net} whose init is {@code from(...)}, by parameter
   * name, row-major in the parameter's shape; empty when none is.
   *
   * @throws IllegalArgumentException naming the layer, parameter, file and array, for a missing
   *     or unreadable file, a missing array or a shape that differs
   */
  public static Map<String, float[]> read(ResolvedNet net) {
    Map<String, float[]> values = new LinkedHashMap<>();
    Map<Path, Map<String, NpyArray>> files = new HashMap<>();
    for (ResolvedLayer layer : net.layers()) {
      for (Parameter p : layer.parameters()) {
        Pretrained from = pretrained(p);
        if (from == null) {
          continue;
        }
        String where = "layer " + layer.index() + " (" + layer.kind() + "): "
            + p.role().words() + " " + InitNames.text(from);
        Path file = file(from.path());
        Map<String, NpyArray> arrays = files.computeIfAbsent(file, f -> open(f, where));
        NpyArray array = arrays.get(from.array());
        if (array == null) {
          throw new IllegalArgumentException(where + ": " + file + " has no array '"
              + from.array() + "'"
              + Suggestions.closest(from.array(), arrays.keySet())
                  .map(s -> "; did you mean '" + s + "'?").orElse("")
              + " (it has " + String.join(", ", arrays.keySet()) + ")");
        }
        int[] expected = p.shape().toArray();
        if (!Arrays.equals(expected, array.shape())) {
          throw new IllegalArgumentException("layer " + layer.index() + " (" + layer.kind()
              + "): " + p.role().words() + " " + Arrays.toString(expected)
              + " cannot take array '" + from.array() + "' of " + file + ": its shape is "
              + Arrays.toString(array.shape()));
        }
        values.put(p.name(), array.data());
      }
    }
    return values;
  }

  /**
   * Zeros in place of each {@code from(...)} parameter's values, for a graph whose weights are
   * all set right after it is built (a model loaded from a directory, a SavedModel export): the
   * files {@code from(...)} names need not exist any more.
   */
  public static Map<String, float[]> zeros(ResolvedNet net) {
    Map<String, float[]> values = new LinkedHashMap<>();
    for (ResolvedLayer layer : net.layers()) {
      for (Parameter p : layer.parameters()) {
        if (pretrained(p) != null) {
          values.put(p.name(), new float[Math.toIntExact(p.shape().size())]);
        }
      }
    }
    return values;
  }

  /**
   * The array a parameter's blocks name, or null when they are not {@code from(...)}. Every
   * block of a parameter comes from the same initializer, so all name the same array.
   */
  private static Pretrained pretrained(Parameter p) {
    Pretrained found = null;
    for (Block block : p.blocks()) {
      Pretrained named = block.sampler().accept(PRETRAINED);
      if (named != null && found != null && !found.equals(named)) {
        throw new IllegalStateException(p.name() + ": its gates name different arrays");
      }
      found = named == null ? found : named;
    }
    return found;
  }

  /** The file {@code path} names: itself, or a saved model directory's weights. */
  private static Path file(String path) {
    Path p = Path.of(path);
    return Files.isDirectory(p) ? p.resolve(SAVED_WEIGHTS) : p;
  }

  private static Map<String, NpyArray> open(Path file, String where) {
    if (!Files.exists(file)) {
      boolean inDirectory = file.getFileName().toString().equals(SAVED_WEIGHTS)
          && file.getParent() != null && Files.isDirectory(file.getParent());
      throw new IllegalArgumentException(where + ": no file " + file
          + (inDirectory ? " (the directory holds no saved model)" : "")
          + " (looked for " + file.toAbsolutePath().normalize() + ")");
    }
    try {
      return Npz.read(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(where + ": no file " + file, e);
    } catch (IOException e) {
      throw new IllegalArgumentException(where + ": cannot read " + file + ": "
          + Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()), e);
    }
  }

  /** Which sampler is a {@code from(...)}: the one method that answers, the rest null. */
  private static final Sampler.Visitor<Pretrained> PRETRAINED = new Sampler.Visitor<>() {
    @Override public Pretrained constant(dev.primer.dsl.init.Constant c) { return null; }
    @Override public Pretrained normal(dev.primer.dsl.init.Normal n) { return null; }
    @Override public Pretrained truncatedNormal(dev.primer.dsl.init.TruncatedNormal t) {
      return null;
    }
    @Override public Pretrained uniform(dev.primer.dsl.init.Uniform u) { return null; }
    @Override public Pretrained uniformSum(dev.primer.dsl.init.UniformSum u) { return null; }
    @Override public Pretrained orthogonal(dev.primer.dsl.init.Orthogonal o) { return null; }
    @Override public Pretrained identity(dev.primer.dsl.init.Identity i) { return null; }
    @Override public Pretrained deltaOrthogonal(dev.primer.dsl.init.DeltaOrthogonal d) {
      return null;
    }
    @Override public Pretrained sparse(dev.primer.dsl.init.Sparse s) { return null; }
    @Override public Pretrained pretrained(Pretrained p) { return p; }
    @Override public Pretrained mimetic(Mimetic m) { return null; }
    @Override public Pretrained hadamard(dev.primer.dsl.init.Hadamard h) { return null; }
  };
}
