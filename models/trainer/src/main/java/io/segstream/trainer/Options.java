package io.segstream.trainer;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} pairs from the command line, checked against the names a command knows. */
final class Options {

  private final Map<String, String> values;

  private Options(Map<String, String> values) {
    this.values = values;
  }

  static Options parse(String[] args, int from, Set<String> known) {
    Map<String, String> values = new HashMap<>();
    for (int i = from; i < args.length; i += 2) {
      String name = args[i];
      if (!name.startsWith("--") || !known.contains(name.substring(2))) {
        throw new IllegalArgumentException("Unknown option " + name + "; known: --"
            + String.join(", --", new java.util.TreeSet<>(known)));
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Option " + name + " needs a value");
      }
      values.put(name.substring(2), args[i + 1]);
    }
    return new Options(values);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  String text(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  int integer(String name, int fallback) {
    String value = values.get(name);
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be an integer, got " + value, e);
    }
  }

  double decimal(String name, double fallback) {
    String value = values.get(name);
    try {
      return value == null ? fallback : Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number, got " + value, e);
    }
  }

  SeedRange seeds(String name, String fallback) {
    try {
      return SeedRange.parse(text(name, fallback));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + name + ": " + e.getMessage(), e);
    }
  }
}
