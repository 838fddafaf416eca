package gov.gsb.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A grouped bar chart as a small standalone SVG, so that benchmark results can be looked at in
 * docs/ (and on any forge that renders Markdown) without a charting library or a CDN.
 */
final class SvgBars {

    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759"};

    private final String title;
    private final String unit;
    private final List<String> groups;
    private final Map<String, double[]> series = new LinkedHashMap<>();

    SvgBars(String title, String unit, List<String> groups) {
        this.title = title;
        this.unit = unit;
        this.groups = groups;
    }

    SvgBars series(String name, double[] values) {
        series.put(name, values);
        return this;
    }

    String render() {
        int width = 720;
        int height = 360;
        int left = 70;
        int bottom = 300;
        int top = 50;
        double max = series.values().stream().flatMapToDouble(java.util.Arrays::stream).max().orElse(1) * 1.15;
        int groupWidth = (width - left - 20) / groups.size();
        int barWidth = Math.max(8, (groupWidth - 20) / Math.max(1, series.size()));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' "
                + "font-family='sans-serif' font-size='12'>%n", width, height));
        svg.append(String.format(Locale.ROOT, "<rect width='%d' height='%d' fill='white'/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='24' font-size='15' font-weight='bold'>%s</text>%n", left, esc(title)));
        for (int i = 0; i <= 4; i++) {
            double v = max * i / 4;
            int y = bottom - (int) ((bottom - top) * i / 4.0);
            svg.append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%d' y2='%d' stroke='#ddd'/>%n", left, width - 10, y, y));
            svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='end'>%.1f</text>%n", left - 6, y + 4, v));
        }
        svg.append(String.format(Locale.ROOT, "<text x='14' y='%d' transform='rotate(-90 14 %d)'>%s</text>%n",
                (top + bottom) / 2, (top + bottom) / 2, esc(unit)));
        int s = 0;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            String colour = COLOURS[s % COLOURS.length];
            for (int g = 0; g < groups.size(); g++) {
                double v = e.getValue()[g];
                int h = (int) ((bottom - top) * v / max);
                int x = left + g * groupWidth + 10 + s * barWidth;
                svg.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='%d' fill='%s'><title>%s %s: %.2f %s</title></rect>%n",
                        x, bottom - h, barWidth - 2, h, colour, esc(e.getKey()), esc(groups.get(g)), v, esc(unit)));
                svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='middle' font-size='10'>%.1f</text>%n",
                        x + barWidth / 2, bottom - h - 3, v));
            }
            svg.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='12' height='12' fill='%s'/>"
                    + "<text x='%d' y='%d'>%s</text>%n", width - 200, 34 + s * 16, colour, width - 183, 44 + s * 16, esc(e.getKey())));
            s++;
        }
        for (int g = 0; g < groups.size(); g++) {
            svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='middle'>%s</text>%n",
                    left + g * groupWidth + groupWidth / 2, bottom + 18, esc(groups.get(g))));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&#39;");
    }
}
