package dev.mlgitops.report;

import dev.mlgitops.finding.Finding;

/**
 * JUnit XML as CI test views read it: one test case per finding (an error fails it, a warning
 * passes with the text in its output), or one passing case when the spec is clean.
 */
final class JunitXml {

    private JunitXml() {
    }

    static String render(FindingReports report) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        int cases = Math.max(1, report.findings().size());
        xml.append("<testsuite name=\"mlgitops\" tests=\"").append(cases)
                .append("\" failures=\"").append(report.errors()).append("\" errors=\"0\" skipped=\"0\">\n");
        if (report.findings().isEmpty()) {
            xml.append("  <testcase classname=\"").append(escape(report.specUri()))
                    .append("\" name=\"valid\"/>\n");
        }
        for (Finding finding : report.findings()) {
            String name = finding.code().id() + (finding.jsonPath().isEmpty() ? "" : " " + finding.jsonPath());
            String line = finding.format(report.specUri());
            xml.append("  <testcase classname=\"").append(escape(report.specUri()))
                    .append("\" name=\"").append(escape(name)).append("\">\n");
            if (finding.isError()) {
                xml.append("    <failure message=\"").append(escape(finding.message()))
                        .append("\" type=\"").append(finding.code().id()).append("\">")
                        .append(escape(line)).append("</failure>\n");
            } else {
                xml.append("    <system-out>").append(escape(line)).append("</system-out>\n");
            }
            xml.append("  </testcase>\n");
        }
        return xml.append("</testsuite>\n").toString();
    }

    /** Escapes markup and drops characters XML 1.0 cannot hold at all. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    boolean allowed = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                            || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
                    out.appendCodePoint(allowed ? c : 0xFFFD);
                }
            }
        });
        return out.toString();
    }
}
