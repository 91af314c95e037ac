package dev.primer.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.tf.summary.EventFiles;
import dev.primer.tf.summary.ScalarEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** primer compare's charts, report and TensorBoard runs, and the report rendering in Chromium. */
class CompareReportCommandTest {

  @TempDir
  Path dir;

  @Test
  void compareWritesChartsAReportThatRendersAndTensorBoardRuns() throws Exception {
    Path out = dir.resolve("out");
    Path tb = dir.resolve("tb");
    CommandRunner cli = new CommandRunner();
    int code = cli.run("compare", "--net", "dense(32).relu().dense(32).relu().dense(10).softmax()",
        "--schemes", "glorot_uniform,normal(0,0.01)", "--epochs", "2", "--seeds", "2",
        "--train-size", "300", "--test-size", "100", "--out", out.toString(),
        "--tensorboard", tb.toString());
    assertThat(code).as(cli.err.toString()).isZero();
    assertThat(cli.out.toString()).contains("wrote charts and " + out.resolve("report.html"));

    for (String png : List.of("test-accuracy.png", "train-loss.png", "test-loss.png",
        "activation-std.png")) {
      assertThat(Files.size(out.resolve(png))).as(png).isGreaterThan(10_000);
    }
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("<th>scheme</th><th>acc@1</th><th>acc@2</th>")
        .contains("<td>normal(0,0.01)</td>").contains("<dt>slow start</dt>")
        .contains("<th>95% interval</th><th>vs best</th>").contains("<td>best</td>")
        .doesNotContain("<script").doesNotContain("https://").doesNotContain("http://");
    assertThat(html.split("src=\"data:image/png;base64,", -1)).hasSize(1 + 4);

    // One TensorBoard run per scheme and seed, epochs 1 and 2.
    for (String run : List.of("glorot_uniform-seed42", "glorot_uniform-seed43",
        "normal_0_0.01_-seed42", "normal_0_0.01_-seed43")) {
      List<ScalarEvent> scalars = EventFiles.scalars(EventFiles.in(tb.resolve(run)).get(0));
      assertThat(scalars).as(run).extracting(ScalarEvent::step)
          .containsExactly(1L, 1L, 1L, 2L, 2L, 2L);
    }

    ReportRender.assumeChromium();
    ReportRender.Outcome ok = ReportRender.check(out.resolve("report.html"),
        dir.resolve("shot.png"));
    assertThat(ok.exitCode()).as(ok.output()).isZero();
    assertThat(ok.output()).contains("renders");

    // The check can fail: the same page with its charts taken out shows no chart.
    Path bare = dir.resolve("bare.html");
    Files.writeString(bare, html.replaceAll("<img [^>]*>", ""));
    ReportRender.Outcome bad = ReportRender.check(bare, dir.resolve("bare.png"));
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.output()).contains("no chart is visible in the screenshot");
  }
}
