package dev.allot.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The class loader of one {@link InterleavedChurn} arm: it defines its own copy of {@link
 * ChurnArm}, and of every class in the arm's jar when it has one (another build of a strategy), and
 * leaves everything else, the API above all, to its parent, so that all arms share the API's types.
 */
final class ArmClassLoader extends URLClassLoader {

  static {
    registerAsParallelCapable();
  }

  /** The arm's jar alone, asked only whether it holds a class; null for an arm without a jar. */
  private final @Nullable URLClassLoader jarOnly;

  /**
   * Creates the loader of an arm.
   *
   * @param jar a jar (or class directory) whose classes the arm loads itself, or null
   * @param parent the loader of the API and of the strategies on the class path
   */
  ArmClassLoader(@Nullable Path jar, ClassLoader parent) {
    super(urls(jar), parent);
    this.jarOnly = jar == null ? null : new URLClassLoader(new URL[] {url(jar)}, null);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!ownsClass(name)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        loaded = findClass(name); // the jar first, then ChurnArm's own location
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  private boolean ownsClass(String name) {
    URLClassLoader jar = jarOnly;
    return name.equals(ChurnArm.class.getName())
        || (jar != null && jar.findResource(name.replace('.', '/') + ".class") != null);
  }

  @Override
  public void close() throws IOException {
    try {
      URLClassLoader jar = jarOnly;
      if (jar != null) {
        jar.close();
      }
    } finally {
      super.close();
    }
  }

  private static URL[] urls(@Nullable Path jar) {
    URL own = ChurnArm.class.getProtectionDomain().getCodeSource().getLocation();
    return jar == null ? new URL[] {own} : new URL[] {url(jar), own};
  }

  private static URL url(Path path) {
    try {
      return path.toUri().toURL();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
