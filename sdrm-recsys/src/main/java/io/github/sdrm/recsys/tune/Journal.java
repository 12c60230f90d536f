package io.github.sdrm.recsys.tune;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The trials of a study, one JSON object per line, appended as each trial finishes (so a crash or
 * Ctrl-C loses at most the trial that was running). Parameters are written as their values
 * (categorical: the choice), so the file reads without the code.
 */
public final class Journal {
  private Journal() {}

  /** One trial as a JSON line (no line break). */
  public static String line(Trial t, SearchSpace space) {
    StringBuilder b = new StringBuilder("{");
    b.append("\"number\":").append(t.number());
    b.append(",\"state\":").append(Json.quote(t.state().name()));
    b.append(",\"value\":").append(Json.number(t.value()));
    b.append(",\"seed\":").append(t.seed());
    b.append(",\"seconds\":").append(Json.number(Math.round(t.seconds() * 1000) / 1000.0));
    b.append(",\"vaeEpochs\":").append(t.vaeEpochs());
    b.append(",\"params\":{");
    boolean first = true;
    for (Parameter p : space.parameters()) {
      Double v = t.params().get(p.name());
      if (v == null) {
        continue;
      }
      b.append(first ? "" : ",").append(Json.quote(p.name())).append(':');
      b.append(p.kind() == Parameter.Kind.CATEGORICAL ? Json.quote(p.format(v)) : Json.number(v));
      first = false;
    }
    b.append("},\"message\":").append(t.message() == null ? "null" : Json.quote(t.message()));
    if (!t.intermediate().isEmpty()) {
      b.append(",\"intermediate\":[");
      for (int i = 0; i < t.intermediate().size(); i++) {
        b.append(i == 0 ? "" : ",").append(Json.number(t.intermediate().get(i)));
      }
      b.append(']');
    }
    return b.append('}').toString();
  }

  /** Appends one trial and forces it to the file. */
  public static void append(Path journal, Trial t, SearchSpace space) throws IOException {
    try (FileChannel ch = open(journal)) {
      append(ch, t, space);
    }
  }

  /** Opens a journal for appending. */
  static FileChannel open(Path journal) throws IOException {
    return FileChannel.open(
        journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  /** Appends one trial to an open journal and forces it to the file. */
  static void append(FileChannel ch, Trial t, SearchSpace space) throws IOException {
    ByteBuffer b = ByteBuffer.wrap((line(t, space) + "\n").getBytes(StandardCharsets.UTF_8));
    while (b.hasRemaining()) {
      ch.write(b);
    }
    ch.force(false);
  }

  /**
   * Locks an open journal for this process's search.
   *
   * @throws IllegalArgumentException if another search (in this or another process) holds it
   */
  static FileLock lock(FileChannel ch, Path journal) throws IOException {
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new IllegalArgumentException(
          journal + " is in use by another search; two searches must not share a journal");
    }
    return lock;
  }

  /**
   * Reads every trial of a journal, in order.
   *
   * @throws IllegalArgumentException naming the file and line for a malformed line, a trial out of
   *     sequence, or a value outside the search space; the file is not changed
   */
  public static List<Trial> read(Path journal, SearchSpace space) throws IOException {
    List<Trial> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          Trial t = trial(line, space);
          if (t.number() != out.size()) {
            throw new IllegalArgumentException(
                String.format(
                    Locale.ROOT, "expected trial %d, found trial %d", out.size(), t.number()));
          }
          out.add(t);
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "%s:%d: corrupt journal line (%s); the journal was not changed: fix or remove"
                      + " that line to resume",
                  journal,
                  n,
                  e.getMessage()));
        }
      }
    }
    return out;
  }

  private static Trial trial(String line, SearchSpace space) {
    if (!(Json.parse(line) instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("not a JSON object");
    }
    Trial.State state = Trial.State.valueOf((String) m.get("state"));
    Object value = m.get("value");
    if (!(m.get("params") instanceof Map<?, ?> ps)) {
      throw new IllegalArgumentException("no \"params\" object");
    }
    Map<String, Double> params = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : ps.entrySet()) {
      String name = (String) e.getKey();
      Parameter p = space.get(name);
      if (p == null) {
        throw new IllegalArgumentException(
            "parameter " + name + " is not in the search space (was the space changed?)");
      }
      double v;
      if (p.kind() == Parameter.Kind.CATEGORICAL) {
        v = p.choices().indexOf(String.valueOf(e.getValue()));
        if (v < 0) {
          throw new IllegalArgumentException(
              name + " = " + e.getValue() + " is not one of " + p.choices());
        }
      } else {
        v = ((Number) e.getValue()).doubleValue();
        if (!p.contains(v)) {
          throw new IllegalArgumentException(
              name + " = " + e.getValue() + " is outside " + p + " (was the space changed?)");
        }
      }
      params.put(name, v);
    }
    return new Trial(
        ((Number) m.get("number")).intValue(),
        state,
        params,
        value == null ? Double.NaN : ((Number) value).doubleValue(),
        ((Number) m.get("seed")).longValue(),
        ((Number) m.get("seconds")).doubleValue(),
        ((Number) m.get("vaeEpochs")).intValue(),
        (String) m.get("message"),
        intermediate(m.get("intermediate")));
  }

  /** The intermediate values (absent in journals of searches without them). */
  private static List<Double> intermediate(Object o) {
    if (o == null) {
      return List.of();
    }
    if (!(o instanceof List<?> values)) {
      throw new IllegalArgumentException("\"intermediate\" is not an array");
    }
    List<Double> out = new ArrayList<>();
    for (Object v : values) {
      out.add(v == null ? Double.NaN : ((Number) v).doubleValue());
    }
    return out;
  }
}
