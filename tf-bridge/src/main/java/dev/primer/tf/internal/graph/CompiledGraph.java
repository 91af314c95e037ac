package dev.primer.tf.internal.graph;

import dev.primer.dsl.resolve.ResolvedNet;
import java.util.Optional;
import java.util.function.Supplier;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The pieces of a model's graph, for code that adds ops to it: training, evaluation, prediction,
 * diagnostics that fetch each layer's values and gradients, data-dependent initializers that
 * rescale weights. Owned by the model: do not close the graph or session yourself. Internal code
 * reaches a model's through {@link ModelGraphs#of}.
 *
 * <p>Code that adds ops after the model was compiled does so inside {@link #build}: TensorFlow
 * Java's name scopes are not safe for several threads, and calls that build lazily (evaluation
 * per loss, weight assigns) may run on several threads at once. Session runs need no lock.
 *
 * @param net the resolved net the graph computes
 * @param seed the net's seed (initial values, dropout masks)
 * @param graph the model's graph
 * @param session the model's session
 * @param tf op builder on the graph (pinned to the model's device)
 * @param variables one per parameter
 * @param step the training-step counter, which keys dropout's masks
 * @param input the placeholder of the inference pass: a batch of examples
 * @param inference the inference forward pass, with each layer's values
 */
public record CompiledGraph(ResolvedNet net, long seed, Graph graph, Session session, Ops tf,
    NetVariables variables, Variable<TInt64> step, Placeholder<TFloat32> input,
    Forward inference) {

  /**
   * Builds the graph of {@code net}: its variables with their initial values, the step counter,
   * the input placeholder and the inference pass; then opens a session on it.
   *
   * @param device where the ops are pinned; empty: TensorFlow chooses
   */
  public static CompiledGraph create(ResolvedNet net, long seed, Optional<DeviceSpec> device,
      ConfigProto sessionConfig) {
    return create(net, seed, device, sessionConfig, true);
  }

  /**
   * As {@link #create(ResolvedNet, long, Optional, ConfigProto)}; with {@code readPretrained}
   * false, for a graph whose weights are all set next, {@code from(...)} files are not read
   * ({@link NetVariables#create(Ops, ResolvedNet, long, boolean)}).
   */
  public static CompiledGraph create(ResolvedNet net, long seed, Optional<DeviceSpec> device,
      ConfigProto sessionConfig, boolean readPretrained) {
    return create(net, seed, device, sessionConfig, readPretrained, Products.FP32);
  }

  /**
   * As {@link #create(ResolvedNet, long, Optional, ConfigProto, boolean)}, with every forward pass
   * over the variables (inference here, training and diagnosis later) computing its matrix
   * products in {@code products} ({@link NetVariables#products()}).
   */
  public static CompiledGraph create(ResolvedNet net, long seed, Optional<DeviceSpec> device,
      ConfigProto sessionConfig, boolean readPretrained, Products products) {
    Graph graph = new Graph();
    try {
      Ops root = Ops.create(graph);
      Ops tf = device.map(root::withDevice).orElse(root);
      // the inference pass's name scopes are made while the graph is empty (see
      // ForwardBuilder.scopes): its root name "infer" cannot clash with a layer's ("dense_0")
      ForwardBuilder.Scopes inferScopes = ForwardBuilder.scopes(tf, net, Mode.INFER);
      NetVariables variables =
          NetVariables.create(tf, net, seed, readPretrained).withProducts(products);
      Variable<TInt64> step = tf.withName("step").variable(tf.constant(0L));
      Placeholder<TFloat32> input = tf.withName("input").placeholder(TFloat32.class,
          Placeholder.shape(BatchShapes.of(BatchShapes.ANY, net.input())));
      Forward inference = ForwardBuilder.build(inferScopes, net, variables, input, Mode.INFER,
          tf.identity(step), seed);
      Session session = new Session(graph, sessionConfig);
      return new CompiledGraph(net, seed, graph, session, tf, variables, step, input, inference);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /**
   * Runs {@code builder}, which adds ops to the graph, holding the graph's build lock (the
   * {@link Graph}'s monitor); what it returns. Reentrant.
   */
  public <T> T build(Supplier<T> builder) {
    synchronized (graph) {
      return builder.get();
    }
  }

  /** Number of output values per example. */
  public int outputSize() {
    return Math.toIntExact(net.output().size());
  }

  /** Closes the session, then the graph. */
  public void close() {
    session.close();
    graph.close();
  }
}
