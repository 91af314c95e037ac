package dev.primer.dsl.spec;

import dev.primer.dsl.init.InitNames;
import dev.primer.dsl.layer.LayerText;

/**
 * Writes a spec in the text form: the Java chain without {@code Net.}, arguments positional as in
 * Java, initializers by their Keras-style names ({@link InitNames}), enums in lower case:
 * <pre>
 *   input(784).dense(256).relu().init(he_normal).dense(10).softmax()
 *   input(28,28,1).conv2d(32,5).relu().maxPool2d(2).flatten().dense(10).softmax()
 *   input(784).dense(64).relu().repeat(20,residual(dense(64).relu().dense(64)).scaled(0))
 * </pre>
 * Net-wide defaults come right after the input; the layers as {@link LayerText} writes them.
 * {@code dev.primer.dsl.text.SpecParser} reads it back.
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
    LayerText.append(out, spec.layers());
    return out.toString();
  }

  private static void call(StringBuilder out, String method, String arguments) {
    if (out.length() > 0) {
      out.append('.');
    }
    out.append(method).append('(').append(arguments).append(')');
  }
}
