package dev.primer.dsl.init;

import static dev.primer.dsl.init.InitAssertions.C;
import static dev.primer.dsl.init.InitAssertions.TIGHT;
import static dev.primer.dsl.init.InitAssertions.assertNormal;
import static dev.primer.dsl.init.InitAssertions.assertTruncatedNormal;
import static dev.primer.dsl.init.InitAssertions.assertUniform;
import static dev.primer.dsl.init.InitAssertions.resolve;
import static java.lang.Math.pow;
import static java.lang.Math.sqrt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.primer.dsl.activation.Activation;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The schemes for residual nets and transformers against the formulas of their papers, on
 * hand-made targets at each place a layer can sit: inside a branch (first or last of its m
 * layers), outside every branch, the output layer. The formulas are recomputed here.
 */
class NetSchemesTest {

  /** A net of 50 branches of 2 layers: where its branch layers and the others sit. */
  static final Place FIRST_OF_2 = new Place(50, 2, 0, false);
  static final Place LAST_OF_2 = new Place(50, 2, 1, false);
  static final Place OUTSIDE = new Place(50, 0, -1, false);
  static final Place OUTPUT = new Place(50, 0, -1, true);

  static Target at(Place place, Role role, int... kernelShape) {
    int[] shape = role == Role.KERNEL ? kernelShape : new int[] {kernelShape[1]};
    return new Target(role, shape, Fans.ofKernel(kernelShape), Optional.of(Activation.relu()),
        Cell.NONE, 0, kernelShape[1], 0.5, place);
  }

  static Target kernelAt(Place place, int... shape) {
    return at(place, Role.KERNEL, shape);
  }

  @Nested
  class FixupRule {

    @Test
    void zeroesTheLastLayerOfEachBranchAndTheClassifier() {
      assertThat(resolve(Inits.FIXUP, kernelAt(LAST_OF_2, 256, 256))).isEqualTo(Inits.ZEROS);
      assertThat(resolve(Inits.FIXUP, kernelAt(OUTPUT, 256, 10))).isEqualTo(Inits.ZEROS);
      assertThat(resolve(Inits.FIXUP, kernelAt(Place.OUTPUT, 256, 10))).isEqualTo(Inits.ZEROS);
    }

    @Test
    void scalesTheOtherBranchLayersHeNormalByLToTheMinusOneOver2mMinus2() {
      // m = 2, L = 50: std sqrt(2 / 256) * 50^(-1/2)
      assertNormal(resolve(Inits.FIXUP, kernelAt(FIRST_OF_2, 256, 256)),
          sqrt(2.0 / 256) / sqrt(50));
      // m = 3, L = 10: std sqrt(2 / 128) * 10^(-1/4), for both layers before the last
      for (int index : new int[] {0, 1}) {
        assertNormal(resolve(Inits.FIXUP, kernelAt(new Place(10, 3, index, false), 128, 64)),
            sqrt(2.0 / 128) * pow(10, -0.25));
      }
      assertThat(resolve(Inits.FIXUP, kernelAt(new Place(10, 3, 2, false), 64, 128)))
          .isEqualTo(Inits.ZEROS);
      assertThat(Fixup.branchScale(16, 3)).isCloseTo(0.5, within(TIGHT));
    }

    @Test
    void givesHeNormalOutsideTheBranchesAndZeroBiases() {
      assertNormal(resolve(Inits.FIXUP, kernelAt(OUTSIDE, 784, 256)), sqrt(2.0 / 784));
      assertNormal(resolve(Inits.FIXUP, kernelAt(Place.PLAIN, 784, 256)), sqrt(2.0 / 784));
      for (Place p : new Place[] {FIRST_OF_2, LAST_OF_2, OUTSIDE, OUTPUT}) {
        assertThat(resolve(Inits.FIXUP, at(p, Role.BIAS, 256, 256))).isEqualTo(Inits.ZEROS);
      }
      assertThat(resolve(Inits.FIXUP, at(FIRST_OF_2, Role.GAMMA, 256, 256)))
          .isEqualTo(Inits.ONES);
    }

    @Test
    void refusesABranchScaleWithoutALayerToScale() {
      assertThatThrownBy(() -> Fixup.branchScale(50, 1))
          .hasMessage("fixup scales the layers before the last of a branch of m >= 2 layers in"
              + " a net of L >= 1 branches, got L = 50, m = 1");
    }
  }

  @Nested
  class SkipInitRule {

    @Test
    void keepsHeNormalKernelsAndZeroBiases() {
      for (Place p : new Place[] {FIRST_OF_2, LAST_OF_2, OUTSIDE}) {
        assertTruncatedNormal(resolve(Inits.SKIPINIT, kernelAt(p, 256, 256)),
            sqrt(2.0 / 256) / C);
        assertThat(resolve(Inits.SKIPINIT, at(p, Role.BIAS, 256, 256))).isEqualTo(Inits.ZEROS);
      }
      assertThat(Inits.REZERO).isEqualTo(new SkipInit(0));
    }

    @Test
    void refusesANegativeAlpha() {
      assertThatThrownBy(() -> new SkipInit(-0.1))
          .hasMessage("skipinit: alpha must be >= 0 and finite, got -0.1");
    }
  }

  @Nested
  class ZerORule {

    @Test
    void identityForSquareAndNarrowingKernels() {
      assertThat(resolve(Inits.ZER_O, kernelAt(FIRST_OF_2, 256, 256)))
          .isEqualTo(Inits.IDENTITY);
      assertThat(resolve(Inits.ZER_O, kernelAt(OUTSIDE, 784, 256))).isEqualTo(Inits.IDENTITY);
      assertThat(resolve(Inits.ZER_O, kernelAt(OUTPUT, 256, 10))).isEqualTo(Inits.IDENTITY);
    }

    @Test
    void scaledHadamardForWideningKernels() {
      // out 784: k = ceil(log2 784) = 10, c = 2^(-9/2); out 512: k = 9, c = 2^(-4)
      assertThat(resolve(Inits.ZER_O, kernelAt(OUTSIDE, 256, 784)))
          .isEqualTo(new Hadamard(pow(2, -4.5)));
      assertThat(resolve(Inits.ZER_O, kernelAt(OUTSIDE, 10, 512)))
          .isEqualTo(new Hadamard(pow(2, -4)));
      assertThat(ZerO.hadamardGain(513)).isEqualTo(pow(2, -4.5));
      assertThat(ZerO.hadamardGain(2)).isEqualTo(1.0);
    }

    @Test
    void zeroesTheLastLayerOfEachBranchAndBiases() {
      assertThat(resolve(Inits.ZER_O, kernelAt(LAST_OF_2, 256, 256))).isEqualTo(Inits.ZEROS);
      assertThat(resolve(Inits.ZER_O, at(FIRST_OF_2, Role.BIAS, 256, 256)))
          .isEqualTo(Inits.ZEROS);
    }

    @Test
    void fillsDenseKernelsOnly() {
      assertThat(Inits.ZER_O.misfit(Role.KERNEL, 4))
          .contains("zer_o fills dense kernels [in, out], kernel has rank 4");
      assertThat(Inits.ZER_O.misfit(Role.BIAS, 1)).isEmpty();
    }
  }

  @Nested
  class HadamardMatrix {

    /** H_p by the doubling construction H_2p = [[H, H], [H, -H]], independent of the code. */
    static int[][] sylvester(int p) {
      int[][] h = {{1}};
      while (h.length < p) {
        int n = h.length;
        int[][] next = new int[2 * n][2 * n];
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            next[i][j] = h[i][j];
            next[i][j + n] = h[i][j];
            next[i + n][j] = h[i][j];
            next[i + n][j + n] = -h[i][j];
          }
        }
        h = next;
      }
      return h;
    }

    @Test
    void signIsTheSylvesterConstruction() {
      int[][] h = sylvester(64);
      for (int a = 0; a < 64; a++) {
        for (int b = 0; b < 64; b++) {
          assertThat(Hadamard.sign(a, b)).as("(%d, %d)", a, b).isEqualTo(h[a][b]);
        }
      }
    }

    @Test
    void itsRowsAreOrthogonal() {
      int p = 32;
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < p; b++) {
          int dot = 0;
          for (int j = 0; j < p; j++) {
            dot += Hadamard.sign(a, j) * Hadamard.sign(b, j);
          }
          assertThat(dot).isEqualTo(a == b ? p : 0);
        }
      }
    }
  }

  @Nested
  class Gpt2Rule {

    @Test
    void scalesTheResidualOutputProjectionsByOneOverSqrtL() {
      // 12 transformer blocks: L = 24 branches, 0.02 / sqrt(2 * 12)
      Place last = new Place(24, 2, 1, false);
      assertNormal(resolve(Inits.GPT2, kernelAt(last, 3072, 768)), 0.02 / sqrt(24));
      assertNormal(resolve(Inits.GPT2, kernelAt(new Place(24, 2, 0, false), 768, 3072)), 0.02);
      assertNormal(resolve(Inits.GPT2, kernelAt(OUTPUT, 768, 10)), 0.02);
      assertNormal(resolve(new Gpt2(0.01), kernelAt(last, 64, 64)), 0.01 / sqrt(24));
    }

    @Test
    void zeroBiasesAndUnitGains() {
      assertThat(resolve(Inits.GPT2, at(FIRST_OF_2, Role.BIAS, 64, 64))).isEqualTo(Inits.ZEROS);
      assertThat(resolve(Inits.GPT2, at(FIRST_OF_2, Role.GAMMA, 64, 64))).isEqualTo(Inits.ONES);
      assertThat(resolve(Inits.GPT2, at(FIRST_OF_2, Role.BETA, 64, 64))).isEqualTo(Inits.ZEROS);
    }

    @Test
    void refusesANonPositiveStd() {
      assertThatThrownBy(() -> new Gpt2(0)).hasMessage("gpt2: std must be > 0 and finite, got 0.0");
    }
  }

  @Nested
  class TFixupRule {

    @Test
    void scalesXavierInsideTheBranchesByTheEncoderFactor() {
      // L = 12 branches: N = 6 blocks, s = 0.67 * 6^(-1/4)
      double s = 0.67 * pow(6, -0.25);
      double xavier = sqrt(6.0 / (512 + 2048));
      assertUniform(resolve(Inits.T_FIXUP, kernelAt(new Place(12, 2, 0, false), 512, 2048)),
          s * xavier);
      assertUniform(resolve(Inits.T_FIXUP, kernelAt(new Place(12, 2, 1, false), 2048, 512)),
          s * xavier);
      assertUniform(resolve(Inits.T_FIXUP, kernelAt(new Place(12, 0, -1, true), 512, 2048)),
          xavier);
    }

    @Test
    void theDecoderFactorIsNineNToTheMinusAQuarter() {
      double s = pow(9 * 6, -0.25);
      TFixup decoder = new TFixup(TFixup.Stack.DECODER);
      assertUniform(resolve(decoder, kernelAt(new Place(12, 2, 0, false), 512, 512)),
          s * sqrt(6.0 / 1024));
      assertThat(decoder.scale(new Place(12, 2, 0, false))).isCloseTo(s, within(s * TIGHT));
    }

    @Test
    void embeddingsAreNormalWithStdDToTheMinusHalfTimesNineNToTheMinusAQuarter() {
      Place place = new Place(12, 0, -1, false);
      // (9 N)^(-1/4) for the embeddings of an encoder too, as the paper and its code
      assertNormal(Inits.T_FIXUP.embedding(512, place), pow(9 * 6, -0.25) / sqrt(512));
      assertNormal(new TFixup(TFixup.Stack.DECODER).embedding(512, place),
          pow(9 * 6, -0.25) / sqrt(512));
      assertNormal(Inits.T_FIXUP.embedding(64, Place.PLAIN), 1 / 8.0);
    }

    @Test
    void withoutBranchesItIsPlainXavierAndZeroBiases() {
      assertUniform(resolve(Inits.T_FIXUP, kernelAt(Place.PLAIN, 100, 50)), sqrt(6.0 / 150));
      assertThat(resolve(Inits.T_FIXUP, at(FIRST_OF_2, Role.BIAS, 64, 64)))
          .isEqualTo(Inits.ZEROS);
    }
  }

  @Test
  void aSchemeDecidesEveryParameterAPresetBiasesAndRecurrentKernelsARuleNone() {
    for (NetScheme scheme : new NetScheme[] {Inits.FIXUP, Inits.SKIPINIT, Inits.ZER_O,
        Inits.GPT2, Inits.T_FIXUP}) {
      assertThat(scheme.alsoDecides(Role.KERNEL)).isFalse();
      assertThat(scheme.alsoDecides(Role.BIAS)).isTrue();
      assertThat(scheme.alsoDecides(Role.GAMMA)).isTrue();
    }
    assertThat(Inits.KERAS_DEFAULT.alsoDecides(Role.BIAS)).isTrue();
    assertThat(Inits.KERAS_DEFAULT.alsoDecides(Role.RECURRENT_KERNEL)).isTrue();
    assertThat(Inits.KERAS_DEFAULT.alsoDecides(Role.GAMMA)).isFalse();
    assertThat(Inits.HE_NORMAL.alsoDecides(Role.BIAS)).isFalse();
  }
}
