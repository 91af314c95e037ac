package dev.primer.dsl.init;

import dev.primer.dsl.base.Visible;
import java.util.Objects;

/**
 * The values of one array stored in a file: a parameter that starts where a trained one ended,
 * as in transfer learning (Yosinski et al. 2014, "How transferable are features in deep neural
 * networks?"), where pretrained layers are copied and new ones are initialized afresh.
 * Written {@code from("base/weights.npz","dense_0/kernel")} in Java ({@link Inits#from}) and in
 * the text form.
 *
 * <p>The spec holds only the two names; nothing is read here. The TensorFlow bridge reads the
 * array when it compiles the net, before any training, and refuses a missing file or array and a
 * shape that differs from the parameter's, naming the file, the array, both shapes and the layer.
 *
 * <p>{@code path} is a NumPy {@code .npz} archive of float32 arrays (as {@code Model.save}
 * writes {@code weights.npz}), or a directory a model was saved into, whose {@code weights.npz}
 * is read. A relative path is resolved against the working directory of the program that
 * compiles the net. For a recurrent layer the array is the whole parameter (its gates side by
 * side along the last axis, as the bridge stores them).
 *
 * @param path the {@code .npz} file, or a saved model's directory
 * @param array the array's name in the archive: {@code dense_0/kernel}
 */
public record Pretrained(String path, String array) implements Sampler {

  /** @throws IllegalArgumentException if a name is blank */
  public Pretrained {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(array, "array");
    if (path.isBlank()) {
      throw new IllegalArgumentException("from: the file name must not be blank, got \""
          + Visible.of(path) + "\"");
    }
    if (array.isBlank()) {
      throw new IllegalArgumentException("from: the array name must not be blank, got \""
          + Visible.of(array) + "\"");
    }
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.pretrained(this);
  }
}
