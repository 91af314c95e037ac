package dev.primer.tf.internal.graph;

import java.util.HashMap;
import java.util.Map;
import org.tensorflow.op.Ops;

/**
 * Name scopes for names with '/' inside, such as a residual block's layer
 * {@code block_7/dense_1}: TensorFlow Java's {@code withSubScope} takes one name without '/', so
 * each path is a sub-scope of its parent's, made once and kept ({@code block_7} made twice would
 * become {@code block_7_1}). Make every scope a pass needs before its first op is added:
 * {@code withSubScope} reads the name of every op already in the graph (see
 * {@link ForwardBuilder#scopes}).
 */
final class ScopeTree {
  private final Ops root;
  private final Map<String, Ops> byPath = new HashMap<>();

  ScopeTree(Ops root) {
    this.root = root;
  }

  /** The scope of {@code path} ({@code block_7/dense_1}) under the root, made once. */
  Ops at(String path) {
    Ops known = byPath.get(path);
    if (known != null) {
      return known;
    }
    int slash = path.lastIndexOf('/');
    Ops parent = slash < 0 ? root : at(path.substring(0, slash));
    Ops scope = parent.withSubScope(path.substring(slash + 1));
    byPath.put(path, scope);
    return scope;
  }
}
