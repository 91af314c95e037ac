package dev.primer.dsl.layer;

import dev.primer.dsl.init.Init;
import dev.primer.dsl.init.InitNames;
import dev.primer.dsl.init.Role;
import java.util.List;
import java.util.Optional;

/**
 * Writes layers in the text form: per layer the layer, its activation, init, recurrentInit, bias
 * and frozen, joined by dots: {@code dense(256).relu().init(he_normal).dense(10).softmax()}. The
 * one writer of a layer list, for a whole spec ({@code NetSpec.toString}) and for the block
 * inside {@code residual(...)} and {@code repeat(...)}; {@code dev.primer.dsl.text.SpecParser}
 * reads it back.
 */
public final class LayerText {
  private LayerText() {
    throw new AssertionError("no instances");
  }

  /** The text form of {@code layers}, dot-separated, without a leading dot. */
  public static String of(List<LayerSpec> layers) {
    StringBuilder out = new StringBuilder();
    append(out, layers);
    return out.toString();
  }

  /** Appends the text form of {@code layers} to {@code out}, a dot before each if non-empty. */
  public static void append(StringBuilder out, List<LayerSpec> layers) {
    for (LayerSpec layer : layers) {
      dot(out).append(layer.layer().text());
      layer.activation().ifPresent(a -> dot(out).append(a.text()));
      init(out, Role.KERNEL, layer.inits().kernel());
      init(out, Role.RECURRENT_KERNEL, layer.inits().recurrentKernel());
      init(out, Role.BIAS, layer.inits().bias());
      if (layer.frozen()) {
        dot(out).append("frozen()");
      }
    }
  }

  /** The step method that names the init of {@code role}: {@code init}, {@code bias}. */
  public static String stepFor(Role role) {
    return switch (role) {
      case KERNEL -> "init";
      case BIAS -> "bias";
      case RECURRENT_KERNEL -> "recurrentInit";
      default -> role.paramName();
    };
  }

  private static void init(StringBuilder out, Role role, Optional<Init> init) {
    init.ifPresent(i -> dot(out).append(stepFor(role)).append('(').append(InitNames.text(i))
        .append(')'));
  }

  private static StringBuilder dot(StringBuilder out) {
    return out.length() > 0 ? out.append('.') : out;
  }
}
