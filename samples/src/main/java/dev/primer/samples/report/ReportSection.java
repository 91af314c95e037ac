package dev.primer.samples.report;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One part of an {@link HtmlReport}; each kind knows how to write itself as HTML. */
public sealed interface ReportSection
    permits ReportSection.Facts, ReportSection.Table, ReportSection.Figure, ReportSection.Notes {

  /** Appends this section's HTML to {@code out}. */
  void appendHtml(StringBuilder out);

  /** Name–value pairs, such as the run's options: a two-column list. */
  record Facts(String heading, Map<String, String> entries) implements ReportSection {
    public Facts {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    @Override
    public void appendHtml(StringBuilder out) {
      out.append("<section>\n<h2>").append(Html.escape(heading)).append("</h2>\n")
          .append("<table class=\"facts\">\n");
      for (Map.Entry<String, String> e : entries.entrySet()) {
        out.append("<tr><th>").append(Html.escape(e.getKey())).append("</th><td>")
            .append(Html.escape(e.getValue())).append("</td></tr>\n");
      }
      out.append("</table>\n</section>\n");
    }
  }

  /**
   * A table: the first row of {@code rows} is the header. Cells that read as numbers (a
   * percentage, seconds, "95.1 ± 0.3%") are right-aligned.
   */
  record Table(String heading, List<List<String>> rows, String caption) implements ReportSection {
    public Table {
      rows = rows.stream().map(List::copyOf).toList();
      if (rows.isEmpty()) {
        throw new IllegalArgumentException("table '" + heading + "' needs a header row");
      }
    }

    @Override
    public void appendHtml(StringBuilder out) {
      out.append("<section>\n<h2>").append(Html.escape(heading)).append("</h2>\n")
          .append("<table class=\"results\">\n<thead><tr>");
      for (String cell : rows.get(0)) {
        out.append("<th>").append(Html.escape(cell)).append("</th>");
      }
      out.append("</tr></thead>\n<tbody>\n");
      for (List<String> row : rows.subList(1, rows.size())) {
        out.append("<tr>");
        for (String cell : row) {
          out.append(Html.looksNumeric(cell) ? "<td class=\"num\">" : "<td>")
              .append(Html.escape(cell)).append("</td>");
        }
        out.append("</tr>\n");
      }
      out.append("</tbody>\n</table>\n");
      if (!caption.isEmpty()) {
        out.append("<p class=\"caption\">").append(Html.escape(caption)).append("</p>\n");
      }
      out.append("</section>\n");
    }
  }

  /** A PNG chart, embedded in the page as a data URI, with a caption. */
  record Figure(String heading, byte[] png, String caption) implements ReportSection {
    public Figure {
      png = png.clone();
    }

    @Override
    public byte[] png() {
      return png.clone();
    }

    @Override
    public void appendHtml(StringBuilder out) {
      out.append("<section>\n<h2>").append(Html.escape(heading)).append("</h2>\n<figure>")
          .append("<img alt=\"").append(Html.escape(heading)).append("\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(png)).append("\">");
      if (!caption.isEmpty()) {
        out.append("<figcaption>").append(Html.escape(caption)).append("</figcaption>");
      }
      out.append("</figure>\n</section>\n");
    }
  }

  /** Terms and what they mean, such as the statuses of a run. */
  record Notes(String heading, Map<String, String> terms) implements ReportSection {
    public Notes {
      terms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(terms));
    }

    /**
     * These notes with {@code term} meaning {@code meaning}: in its place if it is there, else
     * after the term {@code after} (at the end if that is absent too).
     */
    public Notes with(String term, String meaning, String after) {
      Map<String, String> more = new LinkedHashMap<>();
      terms.forEach((k, v) -> {
        more.put(k, k.equals(term) ? meaning : v);
        if (k.equals(after) && !terms.containsKey(term)) {
          more.put(term, meaning);
        }
      });
      more.putIfAbsent(term, meaning);
      return new Notes(heading, more);
    }

    @Override
    public void appendHtml(StringBuilder out) {
      out.append("<section>\n<h2>").append(Html.escape(heading)).append("</h2>\n<dl>\n");
      for (Map.Entry<String, String> e : terms.entrySet()) {
        out.append("<dt>").append(Html.escape(e.getKey())).append("</dt><dd>")
            .append(Html.escape(e.getValue())).append("</dd>\n");
      }
      out.append("</dl>\n</section>\n");
    }
  }
}
