package dev.primer.dsl.spec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose result must be used: every step of the spec language returns a new
 * immutable value and changes nothing in place, so {@code spec.dense(10);} on its own line is a
 * bug. Static analysers (Error Prone, SpotBugs, IntelliJ) recognise any annotation of this name.
 * Primer defines its own so that {@code dsl} keeps no runtime dependency.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.CONSTRUCTOR})
public @interface CheckReturnValue {}
