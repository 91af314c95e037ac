package dev.primer.tf.internal.graph;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/**
 * One forward pass of a net through the graph.
 *
 * @param input the batch entering the net [batch, ...]
 * @param logits the last layer's value before a final softmax (its output if it has none), for
 *     a numerically stable cross-entropy
 * @param output the net's output [batch, ...]
 * @param traces per layer, in order
 * @param updates ops to run with each training step (batch norm's moving averages); empty at
 *     inference
 */
public record Forward(
    Operand<TFloat32> input, Operand<TFloat32> logits, Operand<TFloat32> output,
    List<LayerTrace> traces, List<Op> updates) {}
