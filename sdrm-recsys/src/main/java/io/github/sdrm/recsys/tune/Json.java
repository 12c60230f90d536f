package io.github.sdrm.recsys.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small JSON reader and writer for journals and search-space files: objects (insertion-ordered
 * maps), arrays (lists), strings, numbers (Long for integer literals, else Double), booleans and
 * null. Malformed input throws {@link IllegalArgumentException} with the character position.
 */
final class Json {
  private final String s;
  private int i;

  private Json(String s) {
    this.s = s;
  }

  /** Parses one JSON value that must fill {@code text} (surrounding blanks allowed). */
  static Object parse(String text) {
    Json p = new Json(text);
    p.blank();
    Object v = p.value();
    p.blank();
    if (p.i != text.length()) {
      throw p.error("unexpected text after the value");
    }
    return v;
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(
        String.format(Locale.ROOT, "%s at character %d", what, i + 1));
  }

  private void blank() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }

  private Object value() {
    if (i >= s.length()) {
      throw error("expected a value, found the end");
    }
    char c = s.charAt(i);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return word("true", Boolean.TRUE);
      case 'f':
        return word("false", Boolean.FALSE);
      case 'n':
        return word("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("expected a value, found '" + c + "'");
    }
  }

  private Object word(String w, Object v) {
    if (!s.startsWith(w, i)) {
      throw error("expected " + w);
    }
    i += w.length();
    return v;
  }

  private Map<String, Object> object() {
    Map<String, Object> m = new LinkedHashMap<>();
    i++;
    blank();
    if (i < s.length() && s.charAt(i) == '}') {
      i++;
      return m;
    }
    while (true) {
      blank();
      if (i >= s.length() || s.charAt(i) != '"') {
        throw error("expected a quoted key");
      }
      String k = string();
      blank();
      expect(':');
      blank();
      if (m.put(k, value()) != null) {
        throw error("duplicate key \"" + k + "\"");
      }
      blank();
      if (i < s.length() && s.charAt(i) == ',') {
        i++;
        continue;
      }
      expect('}');
      return m;
    }
  }

  private List<Object> array() {
    List<Object> a = new ArrayList<>();
    i++;
    blank();
    if (i < s.length() && s.charAt(i) == ']') {
      i++;
      return a;
    }
    while (true) {
      blank();
      a.add(value());
      blank();
      if (i < s.length() && s.charAt(i) == ',') {
        i++;
        continue;
      }
      expect(']');
      return a;
    }
  }

  private void expect(char c) {
    if (i >= s.length() || s.charAt(i) != c) {
      throw error("expected '" + c + "'");
    }
    i++;
  }

  private String string() {
    StringBuilder b = new StringBuilder();
    i++;
    while (true) {
      if (i >= s.length()) {
        throw error("unterminated string");
      }
      char c = s.charAt(i++);
      if (c == '"') {
        return b.toString();
      }
      if (c == '\\') {
        if (i >= s.length()) {
          throw error("unterminated escape");
        }
        char e = s.charAt(i++);
        switch (e) {
          case '"', '\\', '/' -> b.append(e);
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'u' -> {
            if (i + 4 > s.length()) {
              throw error("short \\u escape");
            }
            try {
              b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            } catch (NumberFormatException x) {
              throw error("bad \\u escape");
            }
            i += 4;
          }
          default -> throw error("unknown escape \\" + e);
        }
      } else {
        b.append(c);
      }
    }
  }

  /** A Long for an integer literal that fits (seeds keep all 64 bits), else a Double. */
  private Number number() {
    int start = i;
    if (s.charAt(i) == '-') {
      i++;
    }
    while (i < s.length() && "0123456789.eE+-".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    String lit = s.substring(start, i);
    try {
      if (lit.matches("-?[0-9]+")) {
        try {
          return Long.valueOf(lit);
        } catch (NumberFormatException tooLong) {
          return Double.valueOf(lit);
        }
      }
      return Double.valueOf(lit);
    } catch (NumberFormatException e) {
      i = start;
      throw error("malformed number");
    }
  }

  /** Writes a string as a JSON string literal. */
  static String quote(String v) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : v.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** A number as JSON: integers without a fraction, others in full precision; NaN as null. */
  static String number(double v) {
    if (!Double.isFinite(v)) {
      return "null";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
