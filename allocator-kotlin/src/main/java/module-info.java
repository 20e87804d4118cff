/**
 * Kotlin extensions for Allot: destructuring and {@code in} for regions, {@code Int} overloads,
 * named and default arguments for aligned calls, and a scope that frees a region when its block
 * ends.
 *
 * @since 0.1.0
 */
module dev.allot.kotlin {
  requires transitive dev.allot.api;
  requires transitive kotlin.stdlib;

  exports dev.allot.kotlin;
}
