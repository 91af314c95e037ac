package dev.primer.tf;

import dev.primer.tf.graph.Forward;
import dev.primer.tf.graph.NetVariables;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The pieces of a {@link Model}'s graph, for code that adds ops to it: diagnostics that fetch
 * each layer's values and gradients, data-dependent initializers that rescale weights. Owned by
 * the model: do not close the graph or session yourself.
 *
 * @param graph the model's graph
 * @param session the model's session
 * @param tf op builder on the graph (pinned to the model's device)
 * @param variables one per parameter
 * @param input the placeholder of the inference pass: a batch of examples
 * @param inference the inference forward pass, with each layer's values
 */
public record CompiledGraph(Graph graph, Session session, Ops tf, NetVariables variables,
    Placeholder<TFloat32> input, Forward inference) {}
