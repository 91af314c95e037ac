package dev.primer.tf.internal.graph;

import dev.primer.dsl.resolve.Parameter;
import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.tf.internal.init.InitOps;
import dev.primer.tf.internal.init.PretrainedValues;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * One TensorFlow variable per parameter of a resolved net, named as the parameter
 * ({@code dense_0/kernel}) and initialized by {@link InitOps} when the session first runs.
 *
 * <p>They are reference variables ({@code VariableV2}): the ones SavedModel export and
 * {@code Session.save} handle. Read them through {@link #read} in every computation: some
 * gradient functions of TensorFlow 1.0.0 crash on a reference input, and an Identity avoids it.
 */
public final class NetVariables {
  private final Map<String, Variable<TFloat32>> byName;
  private final Map<String, Parameter> parameters;
  private final List<String> trainable;

  private NetVariables(Map<String, Variable<TFloat32>> byName, Map<String, Parameter> parameters,
      List<String> trainable) {
    this.byName = Collections.unmodifiableMap(byName);
    this.parameters = Collections.unmodifiableMap(parameters);
    this.trainable = List.copyOf(trainable);
  }

  /**
   * Creates the variables of {@code net}, with initial values drawn from seed {@code seed}, or
   * read from files for parameters initialized {@code from(...)}: those are read and checked
   * first, before any op is added ({@link PretrainedValues}).
   *
   * @throws IllegalArgumentException for a {@code from(...)} file or array that is missing or
   *     whose shape differs, naming the layer, file and array
   */
  public static NetVariables create(Ops tf, ResolvedNet net, long seed) {
    return create(tf, net, seed, true);
  }

  /**
   * As {@link #create(Ops, ResolvedNet, long)}; with {@code readPretrained} false the {@code
   * from(...)} parameters start at zero instead ({@link PretrainedValues#zeros}), for a graph
   * whose weights are all set next, so that the files they name need not exist any more.
   */
  public static NetVariables create(Ops tf, ResolvedNet net, long seed, boolean readPretrained) {
    Map<String, float[]> stored =
        readPretrained ? PretrainedValues.read(net) : PretrainedValues.zeros(net);
    Map<String, Variable<TFloat32>> byName = new LinkedHashMap<>();
    Map<String, Parameter> parameters = new LinkedHashMap<>();
    // Every sub-scope is made before the first op is added: TensorFlow Java's withSubScope reads
    // the name of every op already in the graph, so made between the ops they would cost time
    // quadratic in depth. The names are the same either way (no op exists yet under a new scope).
    // A parameter's name is its scope's path and its own: block_7/projection/kernel is the
    // variable "kernel" in scope block_7/projection (see ScopeTree for names with '/').
    ScopeTree scopes = new ScopeTree(tf);
    Map<String, Ops> variableScopes = new LinkedHashMap<>();
    Map<String, Ops> initScopes = new LinkedHashMap<>();
    for (Parameter p : net.parameters()) {
      Ops scope = scopes.at(scopeOf(p));
      variableScopes.put(p.name(), scope);
      initScopes.put(p.name(), scope.withSubScope(ownName(p) + "_init"));
    }
    for (Parameter p : net.parameters()) {
      Operand<TFloat32> initial =
          InitOps.initialValue(initScopes.get(p.name()), p, seed, stored.get(p.name()));
      byName.put(p.name(), variableScopes.get(p.name()).withName(ownName(p)).variable(initial));
      parameters.put(p.name(), p);
    }
    return new NetVariables(byName, parameters,
        net.trainableParameters().stream().map(Parameter::name).toList());
  }

  /** The path of the scope that holds {@code p}'s variable: its name up to the last '/'. */
  private static String scopeOf(Parameter p) {
    return p.name().substring(0, p.name().lastIndexOf('/'));
  }

  /** {@code p}'s variable's own name in its scope: its name after the last '/'. */
  private static String ownName(Parameter p) {
    return p.name().substring(p.name().lastIndexOf('/') + 1);
  }

  /** The variable of parameter {@code name}. */
  public Variable<TFloat32> get(String name) {
    Variable<TFloat32> v = byName.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no parameter named '" + name + "'; the net has "
          + byName.keySet());
    }
    return v;
  }

  /** The value of parameter {@code name} for use in a computation (an Identity of the variable). */
  public Operand<TFloat32> read(Ops tf, String name) {
    return tf.identity(get(name));
  }

  /** Every variable by parameter name, in the net's order. */
  public Map<String, Variable<TFloat32>> all() {
    return byName;
  }

  /** The parameter of each variable, by name. */
  public Map<String, Parameter> parameters() {
    return parameters;
  }

  /**
   * The names of the parameters gradients update, in order: the net's
   * {@link ResolvedNet#trainableParameters()}, so a frozen layer's are not among them and no
   * optimizer changes them.
   */
  public List<String> trainableNames() {
    return trainable;
  }
}
