package dev.primer.samples.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.primer.tf.compare.Shard;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a shard's results.json says besides its runs, under {@code "shard"}: which slice of the
 * grid it is ({@code index}, {@code count}, as {@code --shard index/count} gave it) and, once the
 * shard finished, the report's measurement at initialization ({@code activation_std} per scheme,
 * with {@code activation_probe} saying how it was measured), so that {@code primer merge} can
 * write the report one process would without the data or TensorFlow. The plan itself (spec or
 * nets, options, data) is in the file as in any results.json.
 *
 * @param shard the slice
 * @param activationStd per scheme, each layer's output std at init; empty until the shard
 *     finished
 * @param probe how {@code activationStd} was measured, for the chart's caption
 */
public record ShardRecord(Shard shard, Map<String, double[]> activationStd, String probe) {

  /** The field of results.json that holds it. */
  public static final String FIELD = "shard";

  /** Copies the map. */
  public ShardRecord {
    activationStd = Collections.unmodifiableMap(new LinkedHashMap<>(activationStd));
  }

  /** A shard without the measurement (while its runs train). */
  public ShardRecord(Shard shard) {
    this(shard, Map.of(), "");
  }

  /** As JSON, for {@link #FIELD}. */
  public ObjectNode json() {
    ObjectNode node = new ObjectMapper().createObjectNode();
    node.put("index", shard.index());
    node.put("count", shard.count());
    if (!activationStd.isEmpty()) {
      ObjectNode schemes = node.putObject("activation_std");
      activationStd.forEach((scheme, stds) -> {
        ArrayNode values = schemes.putArray(scheme);
        for (double std : stds) {
          if (Double.isFinite(std)) {
            values.add(std);
          } else {
            values.addNull();
          }
        }
      });
      node.put("activation_probe", probe);
    }
    return node;
  }

  /** The record of a results.json's root; empty for the results of a whole plan. */
  public static Optional<ShardRecord> read(JsonNode root) {
    JsonNode node = root.path(FIELD);
    if (!node.isObject()) {
      return Optional.empty();
    }
    Map<String, double[]> stds = new LinkedHashMap<>();
    node.path("activation_std").fields().forEachRemaining(e -> {
      double[] values = new double[e.getValue().size()];
      for (int i = 0; i < values.length; i++) {
        JsonNode v = e.getValue().get(i);
        values[i] = v.isNumber() ? v.doubleValue() : Double.NaN;
      }
      stds.put(e.getKey(), values);
    });
    return Optional.of(new ShardRecord(new Shard(node.path("index").asInt(),
        node.path("count").asInt()), stds, node.path("activation_probe").asText()));
  }
}
