package dev.primer.tf.internal.graph;

import dev.primer.dsl.resolve.Parameter;
import dev.primer.dsl.resolve.ResolvedNet;
import dev.primer.tf.internal.init.InitOps;
import dev.primer.tf.internal.init.PretrainedValues;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
  private final Products products;

  private NetVariables(Map<String, Variable<TFloat32>> byName, Map<String, Parameter> parameters,
      List<String> trainable, Products products) {
    this.byName = Collections.unmodifiableMap(byName);
    this.parameters = Collections.unmodifiableMap(parameters);
    this.trainable = List.copyOf(trainable);
    this.products = products;
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
    return create(scopes(tf, net), net, seed, readPretrained);
  }

  /**
   * The name scopes of {@code net}'s variables under {@code tf}: one per parameter's variable
   * and one per parameter's initial value ({@code dense_0/kernel_init}). Made before the graph
   * grows, they cost next to nothing: TensorFlow Java's withSubScope reads the name of every op
   * already in the graph, so scopes made between ops cost time quadratic in the graph's size (in
   * depth for one net; a graph holding many nets, {@code internal.stacked}, makes all its scopes
   * first). The names are the same either way (no op exists yet under a new scope). A
   * parameter's name is its scope's path and its own: {@code block_7/projection/kernel} is the
   * variable {@code kernel} in scope {@code block_7/projection} (see {@link ScopeTree} for names
   * with '/').
   *
   * @param variables the scope of each parameter's variable, by parameter name
   * @param inits the scope of each parameter's initial value, by parameter name
   */
  public record Scopes(Map<String, Ops> variables, Map<String, Ops> inits) {}

  /** The scopes {@link #create(Scopes, ResolvedNet, long, boolean)} adds its ops in. */
  public static Scopes scopes(Ops tf, ResolvedNet net) {
    ScopeTree tree = new ScopeTree(tf);
    Map<String, Ops> variableScopes = new LinkedHashMap<>();
    Map<String, Ops> initScopes = new LinkedHashMap<>();
    for (Parameter p : net.parameters()) {
      Ops scope = tree.at(scopeOf(p));
      variableScopes.put(p.name(), scope);
      initScopes.put(p.name(), scope.withSubScope(ownName(p) + "_init"));
    }
    return new Scopes(variableScopes, initScopes);
  }

  /**
   * As {@link #create(Ops, ResolvedNet, long, boolean)}, in scopes made earlier by {@link
   * #scopes}.
   */
  public static NetVariables create(Scopes scopes, ResolvedNet net, long seed,
      boolean readPretrained) {
    Map<String, float[]> stored =
        readPretrained ? PretrainedValues.read(net) : PretrainedValues.zeros(net);
    Map<String, Variable<TFloat32>> byName = new LinkedHashMap<>();
    Map<String, Parameter> parameters = new LinkedHashMap<>();
    for (Parameter p : net.parameters()) {
      Operand<TFloat32> initial =
          InitOps.initialValue(scopes.inits().get(p.name()), p, seed, stored.get(p.name()));
      byName.put(p.name(),
          scopes.variables().get(p.name()).withName(ownName(p)).variable(initial));
      parameters.put(p.name(), p);
    }
    return new NetVariables(byName, parameters,
        net.trainableParameters().stream().map(Parameter::name).toList(), Products.FP32);
  }

  /**
   * The same variables, read by forward passes that compute their matrix products in {@code
   * products} ({@link Products#BF16}: mixed precision; the variables themselves stay fp32).
   */
  public NetVariables withProducts(Products products) {
    return new NetVariables(byName, parameters, trainable, Objects.requireNonNull(
        products, "products"));
  }

  /** The precision forward passes over these variables compute matrix products in. */
  public Products products() {
    return products;
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
