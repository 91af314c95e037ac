package dev.primer.dsl.spec;

import dev.primer.dsl.init.Init;
import dev.primer.dsl.init.InitNames;
import dev.primer.dsl.init.Role;
import dev.primer.dsl.layer.LayerSpec;
import dev.primer.dsl.param.Mup;
import java.util.Optional;

/**
 * Writes a spec in the text form: the Java chain without {@code Net.}, arguments positional as in
 * Java, initializers by their Keras-style names ({@link InitNames}), enums in lower case:
 * <pre>
 *   input(784).dense(256).relu().init(he_normal).dense(10).softmax()
 *   input(28,28,1).conv2d(32,5).relu().maxPool2d(2).flatten().dense(10).softmax()
 * </pre>
 * Net-wide defaults come right after the input, then the parametrization if it is not the
 * standard one ({@code mup(64)}); per layer the order is layer, activation, init,
 * recurrentInit, bias, frozen. {@code dev.primer.dsl.text.SpecParser} reads it back.
 */
final class ChainText {
  private ChainText() {
    throw new AssertionError("no instances");
  }

  static String of(NetSpec spec) {
    StringBuilder out = new StringBuilder();
    spec.input().ifPresent(shape -> call(out, "input", shape.toArguments()));
    spec.defaults().kernel().ifPresent(init -> call(out, "defaultInit", InitNames.text(init)));
    spec.defaults().bias().ifPresent(init -> call(out, "defaultBias", InitNames.text(init)));
    if (spec.parametrization() instanceof Mup m) {
      call(out, "mup", Integer.toString(m.baseWidth()));
    }
    for (LayerSpec layer : spec.layers()) {
      out.append(out.length() > 0 ? "." : "").append(layer.layer().text());
      layer.activation().ifPresent(a -> out.append(out.length() > 0 ? "." : "").append(a.text()));
      init(out, Role.KERNEL, layer.inits().kernel());
      init(out, Role.RECURRENT_KERNEL, layer.inits().recurrentKernel());
      init(out, Role.BIAS, layer.inits().bias());
      if (layer.frozen()) {
        call(out, "frozen", "");
      }
    }
    return out.toString();
  }

  private static void init(StringBuilder out, Role role, Optional<Init> init) {
    init.ifPresent(i -> call(out, NetSpec.methodFor(role), InitNames.text(i)));
  }

  private static void call(StringBuilder out, String method, String arguments) {
    if (out.length() > 0) {
      out.append('.');
    }
    out.append(method).append('(').append(arguments).append(')');
  }

}
