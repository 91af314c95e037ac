package dev.primer.tf.internal.graph;

import dev.primer.dsl.resolve.ResolvedLayer;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * What one layer computed in a forward pass, for diagnostics and data-dependent init: the value
 * before its activation and after it (the same operand when it has none).
 */
public record LayerTrace(
    ResolvedLayer layer, Operand<TFloat32> preActivation, Operand<TFloat32> output) {}
