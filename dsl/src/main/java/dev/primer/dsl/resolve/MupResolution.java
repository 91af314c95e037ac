package dev.primer.dsl.resolve;

import dev.primer.dsl.activation.Activation;
import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.Constant;
import dev.primer.dsl.init.DeltaOrthogonal;
import dev.primer.dsl.init.Identity;
import dev.primer.dsl.init.Normal;
import dev.primer.dsl.init.Orthogonal;
import dev.primer.dsl.init.Pretrained;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.init.Sampler;
import dev.primer.dsl.init.SecondMoments;
import dev.primer.dsl.init.Sparse;
import dev.primer.dsl.init.TruncatedNormal;
import dev.primer.dsl.init.Uniform;
import dev.primer.dsl.init.UniformSum;
import dev.primer.dsl.layer.Dense;
import dev.primer.dsl.layer.LayerSpec;
import dev.primer.dsl.param.Mup;
import dev.primer.dsl.param.ParameterScale;
import dev.primer.dsl.param.WidthClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies {@link Mup} to the layers of a net as they are resolved: which fans are width, each
 * parameter's {@link ParameterScale}, and its init rescaled so its mean square is the table's
 * (its initializer resolved again with every width dimension at the base width, times the
 * class's variance factor). The formulas are {@link Mup}'s; this class only finds the fans.
 */
final class MupResolution {
  private final Mup mup;
  private final int firstDense;
  private final int lastDense;

  private MupResolution(Mup mup, int firstDense, int lastDense) {
    this.mup = mup;
    this.firstDense = firstDense;
    this.lastDense = lastDense;
  }

  /**
   * The resolution of {@code mup} over {@code layers}.
   *
   * @throws IllegalArgumentException naming the first layer muP does not support
   */
  static MupResolution over(Mup mup, List<LayerSpec> layers) {
    int first = -1;
    int last = -1;
    for (int i = 0; i < layers.size(); i++) {
      LayerSpec l = layers.get(i);
      int index = i;
      mup.unsupported(l.layer()).ifPresent(rule -> {
        throw dev.primer.dsl.base.SpecException.atLayer(index, l.layer().kind(), rule);
      });
      if (l.layer() instanceof Dense) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    return new MupResolution(mup, first, last);
  }

  /**
   * {@code layer} (resolved under the standard parametrization) with its parameters rescaled,
   * adding each rescaled parameter's scale to {@code scales} and the output multiplier to
   * {@code multipliers}.
   */
  ResolvedLayer apply(ResolvedLayer layer, NetDefaults defaults, Optional<Activation> auto,
      double inputMoment, Map<String, ParameterScale> scales, Map<String, Double> multipliers) {
    if (!(layer.spec().layer() instanceof Dense)) {
      return layer;
    }
    if (layer.input().rank() != 1) {
      // per position on a sequence the forward pass takes another path (no output multiplier)
      throw new IllegalArgumentException(mup.text() + " covers dense layers on vectors; this"
          + " one takes " + layer.input() + " (one vector per position)");
    }
    int i = layer.index();
    boolean inIsWidth = i != firstDense;
    boolean outIsWidth = i != lastDense;
    long fanIn = layer.input().last();
    long units = layer.output().last();
    double mIn = inIsWidth ? mup.widthMultiplier(fanIn) : 1;
    double mOut = outIsWidth ? mup.widthMultiplier(units) : 1;
    int baseIn = inIsWidth ? mup.baseWidth() : Math.toIntExact(fanIn);
    int baseOut = outIsWidth ? mup.baseWidth() : Math.toIntExact(units);
    Shape baseKernel = Shape.of(baseIn, baseOut);
    List<Parameter> rescaled = new ArrayList<>();
    for (Parameter p : layer.parameters()) {
      boolean kernel = p.role() == Role.KERNEL;
      WidthClass c = WidthClass.of(kernel && inIsWidth, outIsWidth);
      double cIn = c == WidthClass.HIDDEN || c == WidthClass.OUTPUT ? mIn : 1;
      ParameterScale scale = new ParameterScale(c, cIn, c == WidthClass.FIXED ? 1 : mOut, 1,
          Mup.adamRate(c, cIn), Mup.sgdRate(c, cIn, c == WidthClass.FIXED ? 1 : mOut));
      Parameter q = p;
      if (p.dataDependent() && kernel) {
        throw new IllegalArgumentException(mup.text() + " sets the kernel's scale from the"
            + " width; " + p.label() + " sets it from data");
      }
      Shape baseShape = kernel ? baseKernel : Shape.of(baseOut);
      Parameter atBase = InitResolver.resolve(layer.name(), layer.spec(), p.role(), baseShape,
          baseKernel, auto, defaults, inputMoment, layer.place());
      Sampler base = atBase.blocks().get(0).sampler();
      Sampler actual = p.blocks().get(0).sampler();
      double target = SecondMoments.of(base, baseShape.toArray()) * Mup.varianceFactor(c, cIn);
      double now = SecondMoments.of(actual, p.shape().toArray());
      if (Double.isNaN(target) || Double.isNaN(now)) {
        throw new IllegalArgumentException(mup.text() + " cannot rescale " + p.name() + ": its"
            + " values come from a file (" + p.label() + ")");
      }
      double s = now == 0 ? (target == 0 ? 1 : Double.NaN) : Math.sqrt(target / now);
      if (Double.isNaN(s)) {
        throw new IllegalArgumentException(mup.text() + " cannot rescale " + p.name() + ": "
            + p.label() + " is zero at this width but not at the base width");
      }
      s = sixDigits(s);
      if (s != 1) {
        Sampler scaled = scaled(actual, s);
        q = new Parameter(p.name(), p.role(), p.shape(),
            List.of(new Block(0, p.shape(), p.fans(), scaled)),
            p.label() + " ×" + dev.primer.dsl.base.Numbers.threeDigits(s) + " (" + mup.text()
                + ")", p.dataInit());
      }
      rescaled.add(q);
      if (c != WidthClass.FIXED) {
        scales.put(p.name(), scale.withInitScale(s));
      }
    }
    if (i == lastDense && inIsWidth) {
      multipliers.put(layer.name(), Mup.outputMultiplier(mIn));
    }
    return new ResolvedLayer(layer.index(), layer.name(), layer.spec(), layer.input(),
        layer.output(), layer.autoActivation(), rescaled, layer.place(), layer.branchStart());
  }

  private static double sixDigits(double x) {
    return new java.math.BigDecimal(x).round(new java.math.MathContext(6)).doubleValue();
  }

  /** {@code sampler}'s values multiplied by {@code s}: the same family, scaled. */
  static Sampler scaled(Sampler sampler, double s) {
    return sampler.accept(new Sampler.Visitor<Sampler>() {
      @Override public Sampler constant(Constant c) {
        return new Constant(c.value() * s);
      }

      @Override public Sampler normal(Normal n) {
        return new Normal(n.mean() * s, n.std() * s);
      }

      @Override public Sampler truncatedNormal(TruncatedNormal t) {
        return new TruncatedNormal(t.mean() * s, t.std() * s);
      }

      @Override public Sampler uniform(Uniform u) {
        return new Uniform(u.lo() * s, u.hi() * s);
      }

      @Override public Sampler uniformSum(UniformSum u) {
        return new UniformSum(u.terms(), u.bound() * s);
      }

      @Override public Sampler orthogonal(Orthogonal o) {
        return new Orthogonal(o.gain() * s);
      }

      @Override public Sampler identity(Identity i) {
        return new Identity(i.gain() * s);
      }

      @Override public Sampler deltaOrthogonal(DeltaOrthogonal d) {
        return new DeltaOrthogonal(d.gain() * s);
      }

      @Override public Sampler sparse(Sparse sp) {
        return new Sparse(sp.count(), sp.std() * s);
      }

      @Override public Sampler pretrained(Pretrained p) {
        throw new IllegalArgumentException("values from a file cannot be rescaled: " + p);
      }

      @Override public Sampler hadamard(dev.primer.dsl.init.Hadamard h) {
        return new dev.primer.dsl.init.Hadamard(h.gain() * s);
      }

      @Override public Sampler mimetic(dev.primer.dsl.init.Mimetic m) {
        // never reached: mimetic fills attention projections, and muP refuses attention layers
        throw new IllegalArgumentException("mimetic attention init has no muP width rule: " + m);
      }
    });
  }
}
