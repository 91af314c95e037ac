package dev.primer.dsl.resolve;

import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.Fans;
import dev.primer.dsl.init.Sampler;

/**
 * One block of a parameter, filled by one sampler: the whole parameter, or one gate's columns of
 * a recurrent parameter (blocks are laid side by side along the last axis).
 *
 * @param index the gate index (0 when the parameter has one block)
 * @param shape the block's shape
 * @param fans the block's fans (for a bias, those of the matching kernel block)
 * @param sampler how its values are drawn
 */
public record Block(int index, Shape shape, Fans fans, Sampler sampler) {}
