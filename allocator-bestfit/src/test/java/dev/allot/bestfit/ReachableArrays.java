package dev.allot.bestfit;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The bytes of the arrays an object of this package reaches through the fields of this package's
 * classes, counted by reflection on a 64-bit JVM with compressed oops (16-byte array headers,
 * 4-byte references, sizes rounded up to 8 bytes): what the {@code footprintBytes} methods claim to
 * count, found independently of them. Arrays held in static fields are shared by all instances and
 * not counted; objects of other packages (the skeleton's own fields) are not entered.
 */
final class ReachableArrays {

  private static final int ARRAY_HEADER_BYTES = 16;

  private static final int REFERENCE_BYTES = 4;

  private ReachableArrays() {}

  /** Returns the bytes of the arrays {@code root} reaches, each counted once. */
  static long bytes(Object root) {
    Set<Object> shared = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Class<?>> classes = new HashSet<>();
    walk(root, shared, classes); // first the classes met, whose static fields hold what is shared
    for (Class<?> type : classes) {
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
          Object value = read(field, null);
          if (value != null) {
            shared.add(value);
          }
        }
      }
    }
    return walk(root, shared, new HashSet<>());
  }

  /**
   * Returns the bytes of the arrays reached from {@code root} and not in {@code skipped}, adding
   * the classes of this package met to {@code classes}.
   */
  private static long walk(Object root, Set<Object> skipped, Set<Class<?>> classes) {
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.addAll(skipped);
    Deque<Object> pending = new ArrayDeque<>();
    pending.push(root);
    long bytes = 0;
    while (!pending.isEmpty()) {
      Object object = pending.pop();
      if (!seen.add(object)) {
        continue;
      }
      Class<?> type = object.getClass();
      if (type.isArray()) {
        Class<?> element = type.getComponentType();
        int length = Array.getLength(object);
        bytes += roundUp(ARRAY_HEADER_BYTES + (long) length * elementBytes(element));
        if (!element.isPrimitive()) {
          for (Object item : (Object[]) object) {
            if (item != null) {
              pending.push(item);
            }
          }
        }
        continue;
      }
      for (Class<?> c = type; c != null && inPackage(c); c = c.getSuperclass()) {
        classes.add(c);
        for (Field field : c.getDeclaredFields()) {
          if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
            Object value = read(field, object);
            if (value != null) {
              pending.push(value);
            }
          }
        }
      }
    }
    return bytes;
  }

  private static @Nullable Object read(Field field, @Nullable Object object) {
    field.setAccessible(true);
    try {
      return field.get(object);
    } catch (IllegalAccessException e) {
      throw new AssertionError(field + " cannot be read", e);
    }
  }

  private static boolean inPackage(Class<?> type) {
    return type.getPackageName().equals(ReachableArrays.class.getPackageName());
  }

  private static int elementBytes(Class<?> element) {
    if (!element.isPrimitive()) {
      return REFERENCE_BYTES;
    }
    if (element == long.class || element == double.class) {
      return 8;
    }
    if (element == int.class || element == float.class) {
      return 4;
    }
    return element == short.class || element == char.class ? 2 : 1;
  }

  private static long roundUp(long bytes) {
    return (bytes + 7) & ~7L;
  }
}
