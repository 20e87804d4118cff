/**
 * The Allot API: the {@link dev.allot.Allocator} contract, the {@link dev.allot.Allocators} entry
 * point with its decorators, and in {@code dev.allot.spi} what strategy authors build on.
 *
 * <p>Strategies are found with {@link java.util.ServiceLoader}: on the module path a strategy
 * module {@code provides dev.allot.AllocationStrategy}, on the classpath it registers itself in
 * {@code META-INF/services/dev.allot.AllocationStrategy}. Either way no {@code --add-modules} is
 * needed: service binding resolves every strategy module on the module path.
 */
module dev.allot.api {
  requires org.slf4j;
  requires static transitive org.jspecify;

  exports dev.allot;
  exports dev.allot.spi;

  uses dev.allot.AllocationStrategy;
}
