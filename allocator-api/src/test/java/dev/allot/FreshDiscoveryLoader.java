package dev.allot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A class loader in which {@link Allocators} runs its discovery again, as if the API had just been
 * loaded, with the services files found in {@code extraClasspath} beside those of the test class
 * path. {@link Allocators} and {@link StrategyCatalog}, whose catalog lives in a class initializer,
 * are defined afresh here; every other class (the interfaces, the strategies, slf4j) is the test's
 * own, so what the fresh entry point returns is used as usual.
 */
final class FreshDiscoveryLoader extends URLClassLoader {

  /**
   * The classes defined afresh: the entry point with its holder, and the package-private catalog.
   */
  private static boolean definedHere(String name) {
    return name.startsWith(Allocators.class.getName())
        || name.startsWith(StrategyCatalog.class.getName());
  }

  FreshDiscoveryLoader(Path extraClasspath) {
    super(new URL[] {url(extraClasspath)}, Allocators.class.getClassLoader());
  }

  private static URL url(Path path) {
    try {
      return path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(path.toString(), e);
    }
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!definedHere(name)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        String file = name.replace('.', '/') + ".class";
        try (InputStream in = Objects.requireNonNull(getParent().getResourceAsStream(file), file)) {
          byte[] bytes = in.readAllBytes();
          loaded = defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return loaded;
    }
  }

  /**
   * Calls a static method of the fresh {@link Allocators}, rethrowing what it throws.
   *
   * @param method the method name
   * @param types its parameter types
   * @param args the arguments
   * @return what it returned
   */
  Object call(String method, Class<?>[] types, Object... args) throws Throwable {
    try {
      return loadClass(Allocators.class.getName()).getMethod(method, types).invoke(null, args);
    } catch (InvocationTargetException e) {
      throw Objects.requireNonNullElse(e.getCause(), e);
    }
  }
}
