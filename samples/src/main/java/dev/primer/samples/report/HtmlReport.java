package dev.primer.samples.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A report as one self-contained HTML page: the CSS is inline and every chart is a PNG embedded
 * as a {@code data:} URI, with no script and no link to anything outside the file, so it opens
 * offline, from an e-mail attachment or a CI artifact, in any browser.
 *
 * @param title the page's title and first heading
 * @param subtitle a line under the title, such as what ran and when; may be empty
 * @param sections in order
 */
public record HtmlReport(String title, String subtitle, List<ReportSection> sections) {

  public HtmlReport {
    sections = List.copyOf(sections);
  }

  private static final String CSS = """
      body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
             margin: 2em auto; max-width: 1000px; padding: 0 1em; color: #222; line-height: 1.4; }
      h1 { font-size: 1.7em; margin-bottom: 0.2em; }
      h2 { font-size: 1.25em; margin-top: 1.8em; border-bottom: 1px solid #ddd; }
      p.subtitle { color: #666; margin-top: 0; }
      table { border-collapse: collapse; margin: 0.5em 0; }
      th, td { padding: 0.3em 0.7em; border: 1px solid #ddd; text-align: left;
               vertical-align: top; }
      table.results thead th { background: #f3f3f3; }
      table.results tbody tr:nth-child(even) { background: #fafafa; }
      table.facts th { background: #f7f7f7; font-weight: 600; white-space: nowrap; }
      table.facts td { font-family: ui-monospace, "DejaVu Sans Mono", monospace;
                       font-size: 0.9em; word-break: break-all; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      p.caption, figcaption { color: #555; font-size: 0.92em; }
      figure { margin: 0.5em 0; }
      figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
      dt { font-weight: 600; margin-top: 0.4em; }
      dd { margin-left: 1.5em; }
      footer { margin-top: 3em; color: #888; font-size: 0.85em; }
      """;

  /** The whole page. */
  public String render() {
    StringBuilder out = new StringBuilder(64 * 1024);
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(Html.escape(title)).append("</title>\n")
        .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
        .append("<h1>").append(Html.escape(title)).append("</h1>\n");
    if (!subtitle.isEmpty()) {
      out.append("<p class=\"subtitle\">").append(Html.escape(subtitle)).append("</p>\n");
    }
    for (ReportSection section : sections) {
      section.appendHtml(out);
    }
    out.append("<footer>Made by Primer. This page is self-contained: charts are embedded, ")
        .append("nothing is loaded from elsewhere.</footer>\n</body>\n</html>\n");
    return out.toString();
  }

  /** Writes the page to {@code file}, atomically. */
  public void write(Path file) throws IOException {
    dev.primer.samples.compare.ResultsFiles.writeAtomically(file, render());
  }
}
