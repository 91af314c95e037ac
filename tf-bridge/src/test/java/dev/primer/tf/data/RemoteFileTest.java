package dev.primer.tf.data;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RemoteFileTest {
  private static final String SHA = "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609";

  @Test
  void rejectsPathsAsNames() {
    assertThatThrownBy(() -> new RemoteFile("../evil", 1, SHA))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must be a plain file name, got \"../evil\"");
  }

  @Test
  void rejectsNegativeSizes() {
    assertThatThrownBy(() -> new RemoteFile("a.gz", -1, SHA))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bytes must be >= 0, got -1");
  }

  @Test
  void requiresLowercaseHexSha256() {
    assertThatThrownBy(() -> new RemoteFile("a.gz", 1, SHA.toUpperCase()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sha256 must be 64 lowercase hex digits, got \"" + SHA.toUpperCase() + "\"");
  }
}
