package dev.primer.dsl.layer;

import dev.primer.dsl.base.Shape;
import dev.primer.dsl.init.Role;

/** A parameter a layer holds: its role and full shape (all gates of a recurrent layer). */
public record ParameterShape(Role role, Shape shape) {}
