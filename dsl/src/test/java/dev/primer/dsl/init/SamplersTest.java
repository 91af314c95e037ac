package dev.primer.dsl.init;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.dsl.activation.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which parameters each initializer can fill, the visitors, and Target and Role. */
class SamplersTest {

  private static final Init[] EVERY_KIND = {
      new Constant(0.5), new Normal(0, 1), new TruncatedNormal(0, 1), new Uniform(-1, 1),
      new UniformSum(2, 1), new Orthogonal(1), new Identity(1), new DeltaOrthogonal(1),
      new Sparse(3, 1), new Pretrained("w.npz", "dense_0/kernel"), Inits.HE_NORMAL, Inits.AUTO,
      Inits.KERAS_DEFAULT, Inits.PYTORCH_DEFAULT, Inits.MIMETIC, new Hadamard(1), Inits.FIXUP,
      Inits.SKIPINIT, Inits.ZER_O, Inits.GPT2, Inits.T_FIXUP};

  @Test
  void whatFitsWhichRank() {
    // rank:                     1      2      4
    assertFits(new Constant(1), true, true, true);
    assertFits(new Normal(0, 1), true, true, true);
    assertFits(new TruncatedNormal(0, 1), true, true, true);
    assertFits(new Uniform(-1, 1), true, true, true);
    assertFits(new Orthogonal(1), false, true, true);
    assertFits(new Identity(1), false, true, false);
    assertFits(new DeltaOrthogonal(1), false, false, true);
    assertFits(new Sparse(1, 1), false, true, true);
    assertFits(Inits.HE_NORMAL, true, true, true);
    assertFits(Inits.AUTO, true, true, true);
    assertFits(Inits.KERAS_DEFAULT, true, true, true);
    assertFits(Inits.PYTORCH_DEFAULT, true, true, true);
    assertFits(new Hadamard(1), false, true, false);
    assertFits(Inits.FIXUP, true, true, true);
    assertFits(Inits.ZER_O, true, true, false);
  }

  private static void assertFits(Init init, boolean rank1, boolean rank2, boolean rank4) {
    assertThat(init.misfit(Role.BIAS, 1).isEmpty()).as("%s rank 1", init).isEqualTo(rank1);
    assertThat(init.misfit(Role.KERNEL, 2).isEmpty()).as("%s rank 2", init).isEqualTo(rank2);
    assertThat(init.misfit(Role.KERNEL, 4).isEmpty()).as("%s rank 4", init).isEqualTo(rank4);
  }

  @Test
  void everyInitializerReachesItsOwnVisitorMethod() {
    List<String> visited = new ArrayList<>();
    Init.Visitor<String> visitor = new Init.Visitor<>() {
      @Override public String constant(Constant c) { return "constant"; }
      @Override public String normal(Normal n) { return "normal"; }
      @Override public String truncatedNormal(TruncatedNormal t) { return "truncatedNormal"; }
      @Override public String uniform(Uniform u) { return "uniform"; }
      @Override public String uniformSum(UniformSum u) { return "uniformSum"; }
      @Override public String orthogonal(Orthogonal o) { return "orthogonal"; }
      @Override public String identity(Identity i) { return "identity"; }
      @Override public String deltaOrthogonal(DeltaOrthogonal d) { return "deltaOrthogonal"; }
      @Override public String sparse(Sparse s) { return "sparse"; }
      @Override public String pretrained(Pretrained p) { return "pretrained"; }
      @Override public String mimetic(Mimetic m) { return "mimetic"; }
      @Override public String varianceScaling(VarianceScaling v) { return "varianceScaling"; }
      @Override public String auto(Auto a) { return "auto"; }
      @Override public String frameworkDefault(FrameworkDefault f) { return "frameworkDefault"; }
      @Override public String lsuv(Lsuv l) { return "lsuv"; }
      @Override public String classPrior(ClassPrior c) { return "classPrior"; }
      @Override public String hadamard(Hadamard h) { return "hadamard"; }
      @Override public String fixup(Fixup f) { return "fixup"; }
      @Override public String skipInit(SkipInit s) { return "skipInit"; }
      @Override public String zerO(ZerO z) { return "zerO"; }
      @Override public String gpt2(Gpt2 g) { return "gpt2"; }
      @Override public String tFixup(TFixup t) { return "tFixup"; }
    };
    for (Init init : EVERY_KIND) {
      visited.add(init.accept(visitor));
    }
    assertThat(visited).containsExactly("constant", "normal", "truncatedNormal", "uniform",
        "uniformSum", "orthogonal", "identity", "deltaOrthogonal", "sparse", "pretrained",
        "varianceScaling", "auto",
        "frameworkDefault", "frameworkDefault", "mimetic", "hadamard", "fixup", "skipInit", "zerO",
        "gpt2", "tFixup");
  }

  @Test
  void everyRuleEndsInASampler() {
    Target t = InitAssertions.kernel(Activation.relu(), 64, 32);
    for (Init init : EVERY_KIND) {
      assertThat(InitAssertions.resolve(init, t)).isInstanceOf(Sampler.class);
    }
  }

  @Test
  void edgeValuesThatAreValid() {
    assertThat(new Normal(0, 0).std()).isZero();           // a constant, but a normal
    assertThat(new Identity(0).gain()).isZero();
    assertThat(new Identity(-1).gain()).isEqualTo(-1);
    assertThat(new Constant(-0.0).value()).isEqualTo(-0.0);
    assertThat(new Uniform(-Double.MAX_VALUE, Double.MAX_VALUE).hi()).isEqualTo(Double.MAX_VALUE);
    assertThat(new Sparse(1, Double.MIN_VALUE).count()).isEqualTo(1);
  }

  @Test
  void targetIsAValueThatCopiesItsShape() {
    int[] shape = {3, 4};
    Target a = new Target(Role.KERNEL, shape, new Fans(3, 4), Optional.empty(), Cell.NONE, 0, 4);
    shape[0] = 99;
    a.shape()[1] = 99;
    assertThat(a.shape()).containsExactly(3, 4);
    assertThat(a.rank()).isEqualTo(2);
    Target b = new Target(Role.KERNEL, new int[] {3, 4}, new Fans(3, 4), Optional.empty(),
        Cell.NONE, 0, 4);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).hasToString("kernel[3, 4]");
    assertThat(a).isNotEqualTo(new Target(Role.KERNEL, new int[] {3, 4}, new Fans(3, 4),
        Optional.of(Activation.relu()), Cell.NONE, 0, 4));
    assertThat(a).isNotEqualTo(new Target(Role.KERNEL, new int[] {3, 4}, new Fans(3, 4),
        Optional.empty(), Cell.LSTM, 0, 4));
  }

  @Test
  void rolesNameTheirParametersAndSayWhetherGradientsUpdateThem() {
    assertThat(Role.values()).extracting(Role::paramName).containsExactly("kernel",
        "recurrent_kernel", "bias", "gamma", "beta", "moving_mean", "moving_variance",
        "embeddings", "position_embeddings", "query_kernel", "query_bias", "key_kernel",
        "key_bias", "value_kernel", "value_bias", "output_kernel", "output_bias", "scale");
    assertThat(Role.values()).filteredOn(r -> !r.trainable())
        .containsExactly(Role.MOVING_MEAN, Role.MOVING_VARIANCE);
  }
}
