package dev.primer.samples.cli;

import dev.primer.samples.report.RunDescription;
import java.util.Map;

/** The versions a result was produced with, recorded in every results file. */
final class Versions {
  private Versions() {
    throw new AssertionError("no instances");
  }

  static Map<String, String> all() {
    return RunDescription.currentVersions();
  }
}
