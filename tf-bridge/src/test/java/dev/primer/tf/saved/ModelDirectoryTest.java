package dev.primer.tf.saved;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primer.dsl.Net;
import dev.primer.tf.Device;
import dev.primer.tf.Model;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;

/** {@link ModelDirectory#inspect}: which format, and what a directory lacks, in words. */
class ModelDirectoryTest {
  @TempDir
  static Path tmp;
  static Path primer;
  static Path exported;

  @BeforeAll
  static void saveOneOfEach() throws IOException {
    primer = tmp.resolve("primer");
    exported = tmp.resolve("exported");
    try (Model model = Model.compile(Net.input(3).dense(2).softmax(), 9, Device.CPU)) {
      model.save(primer);
      model.exportSavedModel(exported);
    }
  }

  @Test
  void primersFormatHasTheSpecButNoSeedNorSignature() throws IOException {
    ModelDirectory found = ModelDirectory.inspect(primer);
    assertThat(found.format()).isEqualTo(ModelFormat.PRIMER);
    assertThat(found.spec()).isEqualTo(Net.input(3).dense(2).softmax());
    assertThat(found.seed()).isEqualTo(OptionalLong.empty());
    assertThat(found.signature()).isEqualTo(Optional.empty());
  }

  @Test
  void aDirectoryWithNeitherFormatOrNoDirectoryIsNamedWithWhatIsMissing(@TempDir Path dir)
      throws IOException {
    assertThatThrownBy(() -> ModelDirectory.inspect(dir.resolve("nowhere")))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessage(dir.resolve("nowhere") + ": no such directory");
    Files.writeString(dir.resolve("file"), "x");
    assertThatThrownBy(() -> ModelDirectory.inspect(dir.resolve("file")))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessage(dir.resolve("file") + ": not a directory; a saved model is a directory");
    Path empty = Files.createDirectory(dir.resolve("empty"));
    assertThatThrownBy(() -> ModelDirectory.inspect(empty))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessage(empty + ": not a saved model: it has neither spec.txt and weights.npz"
            + " (Model.save) nor saved_model.pb (Model.exportSavedModel)");
  }

  @Test
  void primersFormatWithoutWeightsOrWithABadSpecIsNamed(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("spec.txt"), "input(3).dense(2)\n");
    assertThatThrownBy(() -> ModelDirectory.inspect(dir))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessage(dir.resolve("weights.npz") + ": missing: Primer's format: spec.txt is"
            + " there, but not the weights");
    Files.copy(primer.resolve("weights.npz"), dir.resolve("weights.npz"));
    Files.writeString(dir.resolve("spec.txt"), "input(3).dence(2)\n");
    assertThatThrownBy(() -> ModelDirectory.inspect(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(dir.resolve("spec.txt") + ": column 10: unknown step 'dence';"
            + " did you mean 'dense'?");
  }

  @Test
  void aSavedModelNotExportedByPrimerOrMissingPiecesIsNamed(@TempDir Path dir)
      throws IOException {
    copyTree(exported, dir);
    Files.delete(dir.resolve(ModelFormat.SEED_ASSET));
    assertThatThrownBy(() -> ModelDirectory.inspect(dir))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessage(dir.resolve("assets.extra/primer-seed.txt") + ": missing: a SavedModel"
            + " exported by Primer, but without its seed");
    Files.delete(dir.resolve(ModelFormat.SPEC_ASSET));
    assertThatThrownBy(() -> Model.load(dir, Device.CPU))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessage(dir.resolve("assets.extra/primer-spec.txt") + ": missing: a TensorFlow"
            + " SavedModel, but not exported by Primer (no spec); TensorFlow's"
            + " SavedModelBundle.load(dir, \"serve\") reads it");
    Files.delete(dir.resolve(ModelFormat.VARIABLES_INDEX));
    assertThatThrownBy(() -> ModelDirectory.inspect(dir))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessage(dir.resolve("variables/variables.index") + ": missing: a SavedModel without"
            + " its variables");
  }

  @Test
  void aSavedModelWithoutTheServeGraphOrSignatureOrNotOneAtAllIsNamed(@TempDir Path dir)
      throws IOException {
    Path pb = dir.resolve("saved_model.pb");
    write(pb, SavedModel.newBuilder().addMetaGraphs(MetaGraphDef.newBuilder()
        .setMetaInfoDef(MetaGraphDef.MetaInfoDef.newBuilder().addTags("train"))).build());
    assertThatThrownBy(() -> ModelDirectory.inspect(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(pb + ": no graph tagged 'serve'; its graphs have the tags [[train]]");
    write(pb, SavedModel.newBuilder().addMetaGraphs(MetaGraphDef.newBuilder()
        .setMetaInfoDef(MetaGraphDef.MetaInfoDef.newBuilder().addTags("serve"))).build());
    assertThatThrownBy(() -> ModelDirectory.inspect(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(pb + ": no signature 'serving_default'; it has []");
    Files.writeString(pb, "not a protocol buffer");
    assertThatThrownBy(() -> ModelDirectory.inspect(dir))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(pb + ": not a SavedModel protocol buffer (");
  }

  private static void write(Path file, SavedModel model) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      model.writeTo(out);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
