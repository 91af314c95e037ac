package dev.primer.dsl.resolve;

import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.Fans;
import dev.primer.dsl.init.Role;
import java.util.List;

/**
 * A parameter tensor of a compiled spec, with every initializer choice resolved to samplers.
 *
 * @param name unique in the net: layer name and role, {@code dense_0/kernel}
 * @param role what it does
 * @param shape its full shape
 * @param blocks what fills it, one block per gate along the last axis
 * @param label how its init was chosen, for people: {@code he_normal (auto)}
 */
public record Parameter(String name, Role role, Shape shape, List<Block> blocks, String label) {

  public Parameter {
    blocks = List.copyOf(blocks);
  }

  public boolean trainable() {
    return role.trainable();
  }

  /** Number of values. */
  public long size() {
    return shape.size();
  }

  /** The fans of its first block (every block of a parameter has the same). */
  public Fans fans() {
    return blocks.get(0).fans();
  }
}
