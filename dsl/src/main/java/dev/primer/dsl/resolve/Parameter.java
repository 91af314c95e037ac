package dev.primer.dsl.resolve;

import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.DataInit;
import dev.primer.dsl.init.Fans;
import dev.primer.dsl.init.Role;
import java.util.List;
import java.util.Optional;

/**
 * A parameter tensor of a compiled spec, with every initializer choice resolved to samplers.
 *
 * @param name unique in the net: layer name and role, {@code dense_0/kernel}
 * @param role what it does
 * @param shape its full shape
 * @param blocks what fills it, one block per gate along the last axis; for a data-dependent
 *     init, its pre-init
 * @param label how its init was chosen, for people: {@code he_normal (auto)}
 * @param dataInit the step that finishes its init on training data (LSUV, class prior), if any:
 *     the blocks' samplers only pre-initialize it, and the bridge must run this before training
 */
public record Parameter(String name, Role role, Shape shape, List<Block> blocks, String label,
    Optional<DataInit> dataInit) {

  /** Copies {@code blocks}; {@code dataInit} must not be null (use {@code Optional.empty()}). */
  public Parameter {
    blocks = List.copyOf(blocks);
    if (dataInit == null) {
      throw new IllegalArgumentException("dataInit must not be null; use Optional.empty()");
    }
  }

  /** A parameter whose samplers are its whole init (no data-dependent step). */
  public Parameter(String name, Role role, Shape shape, List<Block> blocks, String label) {
    this(name, role, shape, blocks, label, Optional.empty());
  }

  /** Whether training updates it: false for batch norm's moving statistics, which are assigned. */
  public boolean trainable() {
    return role.trainable();
  }

  /** Whether its init has a step that needs training data: see {@link #dataInit()}. */
  public boolean dataDependent() {
    return dataInit.isPresent();
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
