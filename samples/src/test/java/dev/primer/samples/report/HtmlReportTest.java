package dev.primer.samples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

  @Test
  void sectionsAreWrittenEscapedWithImagesEmbedded() {
    byte[] png = ChartImages.png(EpochCurves.chart(Runs.twoSchemesThreeSeeds(),
        Metric.TRAIN_LOSS, ""));
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("net", "input(784).dense(10).softmax()");
    facts.put("note", "a < b & \"c\"");
    String html = new HtmlReport("Title <1>", "sub", List.of(
        new ReportSection.Facts("Run", facts),
        new ReportSection.Table("Results", List.of(List.of("scheme", "test acc"),
            List.of("he_normal", "97.15%")), "caption"),
        new ReportSection.Figure("Loss", png, "the loss"),
        new ReportSection.Notes("Statuses", Map.of("ok", "fine")))).render();

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Title &lt;1&gt;</title>")
        .contains("<td>a &lt; b &amp; &quot;c&quot;</td>")
        .contains("<th>scheme</th><th>test acc</th>")
        .contains("<td>he_normal</td><td class=\"num\">97.15%</td>")
        .contains("<dt>ok</dt><dd>fine</dd>")
        .doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
    Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
    assertThat(m.find()).isTrue();
    assertThat(Base64.getDecoder().decode(m.group(1))).isEqualTo(png);
    assertThat(m.find()).isFalse();
  }

  @Test
  void notesReplaceATermInPlaceOrAddItAfterAnother() {
    Map<String, String> terms = new LinkedHashMap<>();
    terms.put("ok", "fine");
    terms.put("stalled", "old");
    terms.put("failed", "broken");
    ReportSection.Notes notes = new ReportSection.Notes("Statuses", terms)
        .with("stalled", "new", "ok")
        .with("slow start", "late", "stalled");
    assertThat(notes.terms()).containsExactly(Map.entry("ok", "fine"),
        Map.entry("stalled", "new"), Map.entry("slow start", "late"),
        Map.entry("failed", "broken"));
  }

  @Test
  void aTableNeedsAHeader() {
    assertThatThrownBy(() -> new ReportSection.Table("Results", List.of(), ""))
        .hasMessage("table 'Results' needs a header row");
  }

  @Test
  void numbersArRecognisedForRightAlignment() {
    assertThat(Html.looksNumeric("97.15%")).isTrue();
    assertThat(Html.looksNumeric("96.90 ± 0.20%")).isTrue();
    assertThat(Html.looksNumeric("8.0 s")).isTrue();
    assertThat(Html.looksNumeric("2.3013")).isTrue();
    assertThat(Html.looksNumeric("11.35% stalled")).isFalse();
    assertThat(Html.looksNumeric("he_normal")).isFalse();
    assertThat(Html.looksNumeric("-")).isFalse();
  }
}
