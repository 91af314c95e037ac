package dev.primer.tf.saved;

import dev.primer.dsl.Net;
import dev.primer.dsl.spec.NetSpec;
import dev.primer.tf.io.IoReasons;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/**
 * What a directory holds: a model in {@linkplain ModelFormat one of Primer's formats}, its spec,
 * its seed if the format keeps it, and a SavedModel's serving signature. {@link #inspect} reads
 * only the small files (the spec, the seed, {@code saved_model.pb}) and checks that the others
 * are there; it starts no TensorFlow session. {@link dev.primer.tf.Model#load} decides the format
 * with it.
 *
 * @param dir the directory
 * @param format its format
 * @param spec the spec, with its input shape
 * @param seed the net's seed: a SavedModel keeps it, Primer's format does not
 * @param signature a SavedModel's {@link ServingSignature#KEY} signature; empty for Primer's
 *     format
 */
public record ModelDirectory(Path dir, ModelFormat format, NetSpec spec, OptionalLong seed,
    Optional<ServingSignature> signature) {

  /**
   * Describes the model saved in {@code dir}. A directory with {@value ModelFormat#SPEC_FILE} is
   * in Primer's format (even if a SavedModel was exported into it too); else one with
   * {@value ModelFormat#SAVED_MODEL_FILE} is a SavedModel, which must have been exported by
   * Primer (it carries the spec and seed as assets).
   *
   * @throws NoSuchFileException naming the directory and what it lacks: the directory itself,
   *     the files of either format, or one file of the format it has
   * @throws IOException if a file cannot be read or {@code saved_model.pb} is not a SavedModel,
   *     naming the file
   * @throws IllegalArgumentException if the spec does not parse (file and column), the seed is
   *     not a number, or the SavedModel has no {@code serve} graph or no
   *     {@code serving_default} signature
   */
  public static ModelDirectory inspect(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, Files.exists(dir)
          ? "not a directory; a saved model is a directory" : "no such directory");
    }
    if (Files.exists(dir.resolve(ModelFormat.SPEC_FILE))) {
      require(dir, ModelFormat.WEIGHTS_FILE, "Primer's format: " + ModelFormat.SPEC_FILE
          + " is there, but not the weights");
      return new ModelDirectory(dir, ModelFormat.PRIMER, spec(dir, ModelFormat.SPEC_FILE),
          OptionalLong.empty(), Optional.empty());
    }
    if (Files.exists(dir.resolve(ModelFormat.SAVED_MODEL_FILE))) {
      ServingSignature signature = signature(dir);
      require(dir, ModelFormat.VARIABLES_INDEX, "a SavedModel without its variables");
      require(dir, ModelFormat.SPEC_ASSET, "a TensorFlow SavedModel, but not exported by"
          + " Primer (no spec); TensorFlow's SavedModelBundle.load(dir, \"serve\") reads it");
      require(dir, ModelFormat.SEED_ASSET, "a SavedModel exported by Primer, but without its"
          + " seed");
      return new ModelDirectory(dir, ModelFormat.SAVED_MODEL, spec(dir, ModelFormat.SPEC_ASSET),
          OptionalLong.of(seed(dir)), Optional.of(signature));
    }
    throw new NoSuchFileException(dir.toString(), null, "not a saved model: it has neither "
        + ModelFormat.SPEC_FILE + " and " + ModelFormat.WEIGHTS_FILE + " (Model.save) nor "
        + ModelFormat.SAVED_MODEL_FILE + " (Model.exportSavedModel)");
  }

  private static void require(Path dir, String file, String what) throws NoSuchFileException {
    if (!Files.exists(dir.resolve(file))) {
      throw new NoSuchFileException(dir.resolve(file).toString(), null,
          "missing: " + what);
    }
  }

  private static String read(Path dir, String file) throws IOException {
    Path path = dir.resolve(file);
    try {
      return Files.readString(path, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new IOException(path + ": not readable (" + IoReasons.of(e) + ")", e);
    }
  }

  private static NetSpec spec(Path dir, String file) throws IOException {
    String text = read(dir, file);
    try {
      return Net.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(dir.resolve(file) + ": " + e.getMessage(), e);
    }
  }

  private static long seed(Path dir) throws IOException {
    String text = read(dir, ModelFormat.SEED_ASSET);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(dir.resolve(ModelFormat.SEED_ASSET)
          + ": the seed must be a whole number, got '" + text + "'", e);
    }
  }

  private static ServingSignature signature(Path dir) throws IOException {
    Path file = dir.resolve(ModelFormat.SAVED_MODEL_FILE);
    SavedModel model;
    try (InputStream in = Files.newInputStream(file)) {
      model = SavedModel.parseFrom(in);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IOException(file + ": not a SavedModel protocol buffer (" + e.getMessage() + ")",
          e);
    } catch (IOException e) {
      throw new IOException(file + ": not readable (" + IoReasons.of(e) + ")", e);
    }
    MetaGraphDef graph = model.getMetaGraphsList().stream()
        .filter(g -> g.getMetaInfoDef().getTagsList().contains(ServingSignature.TAG))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(file + ": no graph tagged '"
            + ServingSignature.TAG + "'; its graphs have the tags " + model.getMetaGraphsList()
            .stream().map(g -> g.getMetaInfoDef().getTagsList()).toList()));
    SignatureDef def = graph.getSignatureDefMap().get(ServingSignature.KEY);
    if (def == null) {
      throw new IllegalArgumentException(file + ": no signature '" + ServingSignature.KEY
          + "'; it has " + graph.getSignatureDefMap().keySet());
    }
    return new ServingSignature(ServingSignature.KEY, def.getMethodName(),
        tensors(def.getInputsMap()), tensors(def.getOutputsMap()));
  }

  private static List<SignatureTensor> tensors(Map<String, TensorInfo> infos) {
    return infos.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> new SignatureTensor(e.getKey(), e.getValue().getName(),
            e.getValue().getDtype().name().replaceFirst("^DT_", "").toLowerCase(Locale.ROOT),
            e.getValue().getTensorShape().getDimList().stream()
                .map(TensorShapeProto.Dim::getSize).toList()))
        .toList();
  }
}
