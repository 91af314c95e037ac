package dev.primer.tf.datainit;

import dev.primer.dsl.init.ClassPrior;
import java.util.List;

/**
 * What the class prior set.
 *
 * @param parameter the bias, {@code dense_2/bias}
 * @param layerIndex its layer's position in the net, from 0
 * @param link log (softmax or logits) or logit (sigmoid): see {@link ClassPrior}
 * @param frequencies per class, the mean of its target over the whole training set
 * @param examples n, the number of training examples counted
 * @param absentClasses classes with frequency 0, floored at half an example
 * @param bias the values set
 */
public record PriorBias(String parameter, int layerIndex, ClassPrior.Link link,
    List<Double> frequencies, int examples, int absentClasses, List<Double> bias) {

  /** Copies {@code frequencies} and {@code bias}. */
  public PriorBias {
    frequencies = List.copyOf(frequencies);
    bias = List.copyOf(bias);
  }

  /** One line for people. */
  public String describe() {
    return parameter + "  layer " + layerIndex + "  set to "
        + (link == ClassPrior.Link.LOG ? "log" : "logit") + " of the frequencies of "
        + frequencies.size() + " classes over " + examples + " examples"
        + (absentClasses == 0 ? "" : " (" + absentClasses + " absent, floored at 1/(2n))");
  }
}
