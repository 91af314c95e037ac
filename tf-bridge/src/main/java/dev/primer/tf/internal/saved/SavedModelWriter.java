package dev.primer.tf.internal.saved;

import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.internal.graph.CompiledGraph;
import dev.primer.tf.internal.graph.WeightAccess;
import dev.primer.tf.saved.ModelFormat;
import dev.primer.tf.saved.ServingSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.proto.ConfigProto;

/**
 * Writes a model as a TensorFlow SavedModel. The graph is built afresh for the export, not taken
 * from the model: the net's variables (named as its parameters, {@code dense_0/kernel}) and its
 * inference pass, the same ops {@link CompiledGraph} builds for the model's own predictions, so a
 * loaded SavedModel computes bitwise what the model does on the same kind of machine. Nothing of
 * training is in it (no loss, gradients, optimizer slots or data variables). The weights are
 * assigned in the export's own session, then TensorFlow Java's exporter writes the graph with the
 * {@link ServingSignature} and the variables' checkpoint; the spec and the seed go to
 * {@code assets.extra/}.
 *
 * <p>The export is written into a hidden directory beside the target, then moved into place in
 * one step: TensorFlow Serving, which watches a base directory for new version directories, never
 * sees half an export.
 */
public final class SavedModelWriter {
  private SavedModelWriter() {
    throw new AssertionError("no instances");
  }

  /**
   * Exports the net of {@code spec} with the parameter values {@code weights} into {@code dir},
   * which must not exist or be empty.
   *
   * @param weights every parameter's values, by name, row-major
   * @param sessionConfig the options of the export's session (the CPU's: it only assigns and
   *     saves)
   * @throws FileAlreadyExistsException if {@code dir} is a file or a directory that is not empty
   */
  public static void write(Path dir, NetSpec spec, long seed, Map<String, float[]> weights,
      ConfigProto sessionConfig) throws IOException {
    checkTarget(dir);
    Path target = dir.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path part = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID()
        + ".part");
    Files.createDirectory(part);
    try {
      exportGraph(part, spec, seed, weights, sessionConfig);
      Files.createDirectories(part.resolve(ModelFormat.SPEC_ASSET).getParent());
      Files.writeString(part.resolve(ModelFormat.SPEC_ASSET), spec + "\n",
          StandardCharsets.UTF_8);
      Files.writeString(part.resolve(ModelFormat.SEED_ASSET), seed + "\n",
          StandardCharsets.UTF_8);
      checkTarget(dir);
      Files.deleteIfExists(target); // an empty directory
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      deleteTree(part);
    }
  }

  private static void exportGraph(Path dir, NetSpec spec, long seed, Map<String, float[]> weights,
      ConfigProto sessionConfig) throws IOException {
    CompiledGraph g = CompiledGraph.create(spec.resolve(), seed, Optional.empty(),
        sessionConfig, false); // every weight is written next: from(...) files are not read
    try {
      new WeightAccess(g).write(weights);
      Signature signature = Signature.builder(ServingSignature.KEY)
          .methodName(ServingSignature.PREDICT_METHOD)
          .input(ServingSignature.INPUT, g.input())
          .output(ServingSignature.OUTPUT, g.inference().output())
          .build();
      SavedModelBundle.exporter(dir.toString())
          .withTags(ServingSignature.TAG)
          .withSession(g.session())
          .withSignature(signature)
          .export();
    } finally {
      g.close();
    }
  }

  private static void checkTarget(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isEmpty()) {
          return;
        }
      }
      throw new FileAlreadyExistsException(dir.toString(), null, "exportSavedModel: the"
          + " directory exists and is not empty; export into a new directory (TensorFlow"
          + " Serving reads numbered versions: models/<name>/1, models/<name>/2, ...)");
    }
    if (Files.exists(dir)) {
      throw new FileAlreadyExistsException(dir.toString(), null,
          "exportSavedModel: a file is there; a SavedModel is a directory");
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
