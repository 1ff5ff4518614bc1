package io.segstream.phantom;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/** Just enough JSON writing for study.json: maps, lists, records, strings and numbers. */
final class Json {

    private final StringBuilder out = new StringBuilder();

    private Json() {
    }

    static String write(Object value) {
        Json json = new Json();
        json.value(value, 0);
        return json.out.append('\n').toString();
    }

    private void value(Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            object(map, depth);
        } else if (value instanceof List<?> list) {
            array(list, depth);
        } else if (value instanceof double[] numbers) {
            array(java.util.Arrays.stream(numbers).boxed().toList(), depth);
        } else if (value instanceof Record record) {
            object(components(record), depth);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            string(value.toString());
        }
    }

    private static Map<String, Object> components(Record record) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                fields.put(component.getName(), component.getAccessor().invoke(record));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + component.getName(), e);
            }
        }
        return fields;
    }

    private void object(Map<?, ?> map, int depth) {
        out.append('{');
        String separator = "\n";
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            out.append(separator).append("  ".repeat(depth + 1));
            string(entry.getKey().toString());
            out.append(": ");
            value(entry.getValue(), depth + 1);
            separator = ",\n";
        }
        out.append(map.isEmpty() ? "" : "\n" + "  ".repeat(depth)).append('}');
    }

    private void array(List<?> list, int depth) {
        out.append('[');
        String separator = "";
        for (Object element : list) {
            out.append(separator);
            value(element, depth);
            separator = ", ";
        }
        out.append(']');
    }

    private void string(String text) {
        out.append('"');
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(ch < 0x20 ? String.format("\\u%04x", (int) ch) : ch);
            }
        }
        out.append('"');
    }
}
