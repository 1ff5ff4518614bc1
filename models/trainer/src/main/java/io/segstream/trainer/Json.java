package io.segstream.trainer;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Writes maps, lists, strings, numbers and booleans as indented JSON; enough for model.json. */
final class Json {

  private Json() {}

  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, "");
    return out.append('\n').toString();
  }

  private static void write(StringBuilder out, Object value, String indent) {
    if (value instanceof Map<?, ?> map) {
      writeMap(out, map, indent);
    } else if (value instanceof List<?> list) {
      writeList(out, list, indent);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value == null) {
      out.append("null");
    } else {
      writeString(out, value.toString());
    }
  }

  private static void writeMap(StringBuilder out, Map<?, ?> map, String indent) {
    out.append('{');
    Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<?, ?> entry = entries.next();
      out.append('\n').append(indent).append("  ");
      writeString(out, entry.getKey().toString());
      out.append(": ");
      write(out, entry.getValue(), indent + "  ");
      out.append(entries.hasNext() ? "," : "\n" + indent);
    }
    out.append('}');
  }

  private static void writeList(StringBuilder out, List<?> list, String indent) {
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      out.append('\n').append(indent).append("  ");
      write(out, list.get(i), indent + "  ");
      out.append(i + 1 < list.size() ? "," : "\n" + indent);
    }
    out.append(']');
  }

  private static void writeString(StringBuilder out, String text) {
    out.append('"');
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
