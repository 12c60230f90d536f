package io.github.sdrm.model;

import io.github.sdrm.nn.Param;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Copies of parameter values: snapshots for early stopping, and assignment on load. */
final class ParamIo {
  private ParamIo() {}

  /** Detached copies of every parameter's value, by name. */
  static Map<String, INDArray> snapshot(List<Param> params) {
    Map<String, INDArray> out = new LinkedHashMap<>();
    try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
      for (Param p : params) {
        out.put(p.name(), p.value().dup());
      }
    }
    return out;
  }

  /** Assigns values by name; every parameter must be present with its exact shape. */
  static void assign(List<Param> params, Map<String, INDArray> values) {
    for (Param p : params) {
      INDArray v = values.get(p.name());
      if (v == null) {
        throw new IllegalArgumentException("missing parameter " + p.name());
      }
      if (!Arrays.equals(v.shape(), p.value().shape())) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "parameter %s must have shape %s, found %s",
                p.name(),
                Arrays.toString(p.value().shape()),
                Arrays.toString(v.shape())));
      }
      p.value().assign(v);
    }
  }
}
