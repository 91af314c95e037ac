package dev.primer.samples.report;

import dev.primer.tf.compare.RuntimeVersions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a report says about how its run was made: the net, the data, the options and the
 * versions, as they are also written into the results files.
 *
 * @param command what ran, such as {@code primer compare}
 * @param net the net in the text form (or a description of the nets of a sweep)
 * @param data where the data came from and how much of it
 * @param options the options of the run
 * @param versions of Primer, Java and TensorFlow
 */
public record RunDescription(String command, String net, Map<String, Object> data,
    Map<String, Object> options, Map<String, String> versions) {

  public RunDescription {
    data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
  }

  /** The versions of Primer (its jar's, if built as one), Java and TensorFlow running now. */
  public static Map<String, String> currentVersions() {
    Map<String, String> versions = new LinkedHashMap<>();
    String primer = RunDescription.class.getPackage().getImplementationVersion();
    versions.put("primer", primer == null ? "development build" : primer);
    versions.putAll(RuntimeVersions.current());
    return versions;
  }

  /** The section "Run": the command, the net, the data and the options. */
  public ReportSection.Facts runFacts() {
    Map<String, String> run = new LinkedHashMap<>();
    run.put("command", command);
    run.put("net", net);
    data.forEach((k, v) -> run.put("data: " + k.replace('_', ' '), String.valueOf(v)));
    options.forEach((k, v) -> run.put(k.replace('_', ' '), String.valueOf(v)));
    return new ReportSection.Facts("Run", run);
  }

  /** The section "Versions". */
  public ReportSection.Facts versionFacts() {
    return new ReportSection.Facts("Versions", versions);
  }
}
