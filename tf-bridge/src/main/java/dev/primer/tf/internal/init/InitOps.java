package dev.primer.tf.internal.init;

import dev.primer.dsl.init.Constant;
import dev.primer.dsl.init.DeltaOrthogonal;
import dev.primer.dsl.init.Hadamard;
import dev.primer.dsl.init.Identity;
import dev.primer.dsl.init.Mimetic;
import dev.primer.dsl.init.Normal;
import dev.primer.dsl.init.Orthogonal;
import dev.primer.dsl.init.Pretrained;
import dev.primer.dsl.init.Sampler;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.init.Seeds;
import dev.primer.dsl.init.Sparse;
import dev.primer.dsl.init.TruncatedNormal;
import dev.primer.dsl.init.Uniform;
import dev.primer.dsl.init.UniformSum;
import dev.primer.dsl.resolve.Block;
import dev.primer.dsl.resolve.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.Qr;
import org.tensorflow.op.linalg.Svd;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Emits the TensorFlow ops that compute a parameter's initial value. The formulas and fans come
 * from {@code dsl} (each sampler's Javadoc); this class only turns a resolved sampler into ops.
 *
 * <p>Every random draw is a stateless op keyed by {@link Seeds#forBlock}, so the same (spec,
 * seed) gives bitwise-identical values in any JVM, and no two parameters share a key.
 * A {@code from(...)} parameter takes the values {@link PretrainedValues} read, as a constant.
 * TensorFlow Java's own framework initializers are not used: in 1.0.0 their "uniform" variants
 * draw from [0, limit) and their conv fans count the input channels twice.
 */
public final class InitOps {
  private InitOps() {
    throw new AssertionError("no instances");
  }

  /**
   * The initial value of {@code parameter}: its blocks side by side along the last axis.
   *
   * @param stored the parameter's values when its init is {@code from(...)}, row-major in its
   *     shape, as {@link PretrainedValues#read} gives them (checked there); null otherwise
   */
  public static Operand<TFloat32> initialValue(Ops tf, Parameter parameter, long netSeed,
      float[] stored) {
    List<Operand<TFloat32>> blocks = new ArrayList<>();
    for (Block block : parameter.blocks()) {
      long[] seed = Seeds.forBlock(netSeed, parameter.name(), block.index());
      blocks.add(block.sampler().accept(new BlockOps(tf, block.shape().toArray(), seed,
          new Stored(parameter, block.index(), stored), netSeed)));
    }
    return blocks.size() == 1
        ? blocks.get(0)
        : tf.concat(blocks, tf.constant(parameter.shape().rank() - 1));
  }

  /**
   * The stored values of a parameter, and which block of it is being built: block {@code g} of
   * a parameter of {@code n} blocks holds columns {@code [g w, (g + 1) w)} of the last axis,
   * {@code w} its block's width (a recurrent layer's gates side by side).
   */
  private record Stored(Parameter parameter, int block, float[] values) {

    /** The block's values, row-major in its shape {@code shape}. */
    float[] block(int[] shape) {
      if (values == null) {
        throw new IllegalStateException(parameter.name() + ": its init is from(...) but no"
            + " values were read for it");
      }
      int last = parameter.shape().last();
      int width = shape[shape.length - 1];
      int rows = values.length / last;
      float[] out = new float[rows * width];
      for (int r = 0; r < rows; r++) {
        System.arraycopy(values, r * last + block * width, out, r * width, width);
      }
      return out;
    }
  }

  /** The ops of one sampler for one block. */
  private static final class BlockOps implements Sampler.Visitor<Operand<TFloat32>> {
    private final Ops tf;
    private final int[] shape;
    private final long[] seed;
    private final Stored stored;

    private final long netSeed;

    BlockOps(Ops tf, int[] shape, long[] seed, Stored stored, long netSeed) {
      this.tf = tf;
      this.shape = shape;
      this.seed = seed;
      this.stored = stored;
      this.netSeed = netSeed;
    }

    /**
     * One factor of the attention layer's target product (see {@link Mimetic}): the pair's
     * random Z is keyed by the layer's name and the pair, not the parameter, so the query and
     * key kernels (and the value and output kernels) are built from the same M = alpha Z +
     * diagonal I, and each takes its side of M's singular value decomposition.
     */
    @Override
    public Operand<TFloat32> mimetic(Mimetic m) {
      Role role = stored.parameter().role();
      String name = stored.parameter().name();
      String layerName = name.substring(0, name.lastIndexOf('/'));
      boolean output = role == Role.OUTPUT_KERNEL;
      int d = output ? shape[1] : shape[0];
      int width = output ? shape[0] : shape[1];
      int r = Math.min(d, width);
      boolean queryKey = role == Role.QUERY_KERNEL || role == Role.KEY_KERNEL;
      long[] pairSeed = Seeds.forBlock(netSeed, layerName + (queryKey ? "/mimetic_qk"
          : "/mimetic_vo"), 0);
      Operand<TFloat32> z = tf.random.statelessRandomNormal(
          tf.constant(new int[] {d, d}), tf.constant(pairSeed));
      Operand<TFloat32> target = tf.math.add(
          scale(z, m.alpha(role) / Math.sqrt(d)),
          tf.linalg.matrixDiag(tf.fill(tf.constant(new int[] {d}),
                  tf.constant((float) m.diagonal(role))),
              tf.constant(0), tf.constant(d), tf.constant(d), tf.constant(0f)));
      Svd<TFloat32> svd = tf.linalg.svd(target, Svd.computeUv(true), Svd.fullMatrices(false));
      // the left factor for the query and value kernels, the right one for key and output
      Operand<TFloat32> side = role == Role.QUERY_KERNEL || role == Role.VALUE_KERNEL
          ? svd.u() : svd.v();
      Operand<TFloat32> rootS = tf.math.sqrt(
          tf.slice(svd.s(), tf.constant(new int[] {0}), tf.constant(new int[] {r})));
      Operand<TFloat32> factor = tf.math.mul(
          tf.slice(side, tf.constant(new int[] {0, 0}), tf.constant(new int[] {d, r})), rootS);
      Operand<TFloat32> padded = r == width ? factor : tf.pad(factor,
          tf.constant(new int[][] {{0, 0}, {0, width - r}}), tf.constant(0f));
      return output ? tf.linalg.transpose(padded, tf.constant(new int[] {1, 0})) : padded;
    }

    /** The values read from the file, as a constant: copied bitwise. */
    @Override
    public Operand<TFloat32> pretrained(Pretrained p) {
      long[] dims = new long[shape.length];
      for (int i = 0; i < shape.length; i++) {
        dims[i] = shape[i];
      }
      return tf.constant(org.tensorflow.ndarray.Shape.of(dims),
          DataBuffers.of(stored.block(shape), true, false));
    }

    @Override
    public Operand<TFloat32> constant(Constant c) {
      return tf.fill(tf.constant(shape), tf.constant((float) c.value()));
    }

    @Override
    public Operand<TFloat32> normal(Normal n) {
      return affine(tf.random.statelessRandomNormal(tf.constant(shape), tf.constant(seed)),
          n.std(), n.mean());
    }

    @Override
    public Operand<TFloat32> truncatedNormal(TruncatedNormal t) {
      return affine(tf.random.statelessTruncatedNormal(tf.constant(shape), tf.constant(seed)),
          t.std(), t.mean());
    }

    @Override
    public Operand<TFloat32> uniform(Uniform u) {
      return affine(tf.random.statelessRandomUniform(tf.constant(shape), tf.constant(seed)),
          u.hi() - u.lo(), u.lo());
    }

    @Override
    public Operand<TFloat32> uniformSum(UniformSum u) {
      // term i: U(-bound, bound) under its own key, split from the block's
      Operand<TFloat32> sum = null;
      for (int i = 0; i < u.terms(); i++) {
        Operand<TFloat32> term = affine(tf.random.statelessRandomUniform(tf.constant(shape),
            tf.constant(Seeds.split(seed, 2 + i))), 2 * u.bound(), -u.bound());
        sum = sum == null ? term : tf.math.add(sum, term);
      }
      return sum;
    }

    @Override
    public Operand<TFloat32> orthogonal(Orthogonal o) {
      int cols = shape[shape.length - 1];
      int rows = product(shape) / cols;
      return scale(tf.reshape(orthogonalMatrix(rows, cols, seed), tf.constant(shape)), o.gain());
    }

    @Override
    public Operand<TFloat32> identity(Identity i) {
      int rows = shape[0];
      int cols = shape[1];
      return tf.linalg.matrixDiag(
          tf.fill(tf.constant(new int[] {Math.min(rows, cols)}), tf.constant((float) i.gain())),
          tf.constant(0), tf.constant(rows), tf.constant(cols), tf.constant(0f));
    }

    @Override
    public Operand<TFloat32> deltaOrthogonal(DeltaOrthogonal d) {
      int kh = shape[0];
      int kw = shape[1];
      int in = shape[2];
      int out = shape[3];
      Operand<TFloat32> centre = tf.reshape(
          scale(orthogonalMatrix(in, out, seed), d.gain()), tf.constant(new int[] {1, 1, in, out}));
      // the tap at (k - 1) / 2: where same padding reads the pixel itself (see DeltaOrthogonal)
      int top = DeltaOrthogonal.centre(kh);
      int left = DeltaOrthogonal.centre(kw);
      return tf.pad(centre, tf.constant(new int[][] {
          {top, kh - 1 - top}, {left, kw - 1 - left}, {0, 0}, {0, 0}}), tf.constant(0f));
    }

    /**
     * gain * (-1)^popcount(a AND b) at (a, b): the parity of the bits row and column share,
     * computed in the graph (no constant of rows * cols values to hold).
     */
    @Override
    public Operand<TFloat32> hadamard(Hadamard h) {
      Operand<TInt32> rows = tf.reshape(tf.range(tf.constant(0), tf.constant(shape[0]),
          tf.constant(1)), tf.constant(new int[] {shape[0], 1}));
      Operand<TInt32> cols = tf.reshape(tf.range(tf.constant(0), tf.constant(shape[1]),
          tf.constant(1)), tf.constant(new int[] {1, shape[1]}));
      Operand<TInt32> shared = tf.dtypes.cast(
          tf.math.populationCount(tf.bitwise.bitwiseAnd(rows, cols)), TInt32.class);
      Operand<TFloat32> parity = tf.dtypes.cast(
          tf.math.floorMod(shared, tf.constant(2)), TFloat32.class);
      // 1 - 2 parity is +1 or -1
      return tf.math.mul(tf.math.sub(tf.constant(1f), tf.math.mul(tf.constant(2f), parity)),
          tf.constant((float) h.gain()));
    }

    @Override
    public Operand<TFloat32> sparse(Sparse s) {
      int units = shape[shape.length - 1];
      int inputs = product(shape) / units;
      // which inputs: the `count` largest of `inputs` uniform draws, per unit (distinct indices)
      Operand<TFloat32> keys = tf.random.statelessRandomUniform(
          tf.constant(new int[] {units, inputs}), tf.constant(Seeds.split(seed, 1)));
      Operand<TInt32> chosen = tf.nn.topK(keys, tf.constant(s.count()), TInt32.class).indices();
      Operand<TFloat32> mask = tf.linalg.transpose(
          tf.sum(tf.oneHot(chosen, tf.constant(inputs), tf.constant(1f), tf.constant(0f)),
              tf.constant(1)),
          tf.constant(new int[] {1, 0}));
      Operand<TFloat32> values = scale(tf.random.statelessRandomNormal(
          tf.constant(new int[] {inputs, units}), tf.constant(seed)), s.std());
      return tf.reshape(tf.math.mul(values, mask), tf.constant(shape));
    }

    /**
     * A random [rows, cols] matrix with orthonormal columns (rows &gt;= cols) or rows: QR of a
     * standard normal [max, min] matrix, signs fixed by diag(R) so the result is uniformly
     * (Haar) distributed, transposed when rows &lt; cols.
     */
    private Operand<TFloat32> orthogonalMatrix(int rows, int cols, long[] key) {
      int tall = Math.max(rows, cols);
      int narrow = Math.min(rows, cols);
      Operand<TFloat32> a = tf.random.statelessRandomNormal(
          tf.constant(new int[] {tall, narrow}), tf.constant(key));
      Qr<TFloat32> qr = tf.linalg.qr(a, Qr.fullMatrices(false));
      Operand<TFloat32> diagonal =
          tf.linalg.matrixDiagPart(qr.r(), tf.constant(0), tf.constant(0f));
      Operand<TFloat32> q = tf.math.mul(qr.q(), tf.math.sign(diagonal));
      return rows >= cols ? q : tf.linalg.transpose(q, tf.constant(new int[] {1, 0}));
    }

    private Operand<TFloat32> affine(Operand<TFloat32> x, double multiplier, double offset) {
      Operand<TFloat32> scaled = scale(x, multiplier);
      return offset == 0 ? scaled : tf.math.add(scaled, tf.constant((float) offset));
    }

    private Operand<TFloat32> scale(Operand<TFloat32> x, double multiplier) {
      return multiplier == 1 ? x : tf.math.mul(x, tf.constant((float) multiplier));
    }

    private static int product(int[] dims) {
      int n = 1;
      for (int d : dims) {
        n *= d;
      }
      return n;
    }
  }
}
