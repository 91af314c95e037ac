package dev.primer.tf.compare;

import dev.primer.tf.data.Statistics;
import dev.primer.tf.internal.stats.StudentT;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a scheme's final test accuracy is distinguishable from the best scheme's: a paired t
 * test over seeds, two-sided, at {@link #ALPHA} = 0.05. Schemes of a comparison share their
 * seeds, and a seed fixes the batches and their order, so the runs of two schemes with the
 * same seed form a pair; pairing takes the seed-to-seed variation of the data order out of the
 * difference. For the {@code n} seeds where both schemes have a final accuracy, with
 * {@code d_i = best_i - scheme_i}:
 * <pre>
 *   t = mean(d) / ( sd(d) / √n ),    p = P(|T| >= |t|),  T ~ Student t with n - 1 dof
 * </pre>
 * {@code p < 0.05}: {@link Verdict#BELOW} the best; else {@link Verdict#INDISTINGUISHABLE}
 * (the data do not show a difference — not that there is none). With {@code sd(d) = 0} the
 * differences are all equal: none is indistinguishable (p = 1), any other is below (p = 0).
 * Fewer than 2 pairs: {@link Verdict#UNTESTED} ({@code one seed: no test}).
 *
 * <p>The best is the scheme with the highest mean, chosen from the same runs it is tested on;
 * this makes "below" a little more likely than α when many schemes are close. Read
 * {@code ≈ best} as "not shown different with these seeds"; more seeds ({@code --seeds}) make
 * the test sharper.
 *
 * @param verdict best, indistinguishable, below or untested
 * @param best the best scheme's name
 * @param pairs n, the seeds with a final accuracy in both
 * @param meanDifference mean(d), the best's accuracy minus this scheme's (a fraction); NaN if
 *     no pair; 0 for the best itself
 * @param pValue the two-sided p; NaN when untested; 1 for the best itself
 */
public record VersusBest(Verdict verdict, String best, int pairs, double meanDifference,
    double pValue) {

  /** The significance level of the test. */
  public static final double ALPHA = 0.05;

  /** The test's name, for files and reports. */
  public static final String TEST = "paired t test over seeds, two-sided, alpha 0.05";

  /** What the test said. */
  public enum Verdict {
    /** The scheme with the highest mean final test accuracy. */
    BEST,
    /** Not shown different from the best: p >= alpha. */
    INDISTINGUISHABLE,
    /** Below the best: p < alpha. */
    BELOW,
    /** Fewer than two seeds with a final accuracy in both: no test. */
    UNTESTED;

    /** The word in files: {@code best}, {@code indistinguishable}, {@code below}, {@code untested}. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The best scheme itself. */
  public static VersusBest best(String name, int seeds) {
    return new VersusBest(Verdict.BEST, name, seeds, 0, 1);
  }

  /**
   * The paired test of {@code scheme} against {@code best}, each by seed.
   *
   * @param bestName the best scheme's name
   * @param best the best's final test accuracy per seed
   * @param scheme this scheme's final test accuracy per seed
   */
  public static VersusBest test(String bestName, Map<Long, Double> best,
      Map<Long, Double> scheme) {
    List<Double> differences = new ArrayList<>();
    for (Map.Entry<Long, Double> e : scheme.entrySet()) {
      Double b = best.get(e.getKey());
      if (b != null && Double.isFinite(b) && Double.isFinite(e.getValue())) {
        differences.add(b - e.getValue());
      }
    }
    int n = differences.size();
    double mean = Statistics.mean(differences);
    if (n < 2) {
      return new VersusBest(Verdict.UNTESTED, bestName, n, mean, Double.NaN);
    }
    double sd = Statistics.sampleStd(differences);
    double p;
    if (sd == 0) {
      p = mean == 0 ? 1 : 0;
    } else {
      p = StudentT.twoSidedPValue(mean / (sd / Math.sqrt(n)), n - 1);
    }
    return new VersusBest(p < ALPHA ? Verdict.BELOW : Verdict.INDISTINGUISHABLE, bestName, n,
        mean, p);
  }

  /**
   * For people: {@code best}, {@code ≈ best (p = 0.41)}, {@code below (p = 0.003)},
   * {@code below (p < 0.001)}, {@code one seed: no test}.
   */
  public String describe() {
    return switch (verdict) {
      case BEST -> "best";
      case INDISTINGUISHABLE -> "≈ best (" + pWords() + ")";
      case BELOW -> "below (" + pWords() + ")";
      case UNTESTED -> pairs == 1 ? "one seed: no test" : "no test";
    };
  }

  private String pWords() {
    return pValue < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", pValue);
  }
}
