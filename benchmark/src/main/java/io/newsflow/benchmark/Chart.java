package io.newsflow.benchmark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * The run as a picture: events per second over time for each counter (left), and
 * p50/p95/p99 of each latency on a logarithmic axis (right).
 */
final class Chart {

    private static final Color[] COLORS = { new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b) };

    private static final int WIDTH = 1500;

    private static final double WINDOW_SECONDS = 3;

    private static final int HEIGHT = 620;

    private Chart() {
    }

    /**
     * @param samples the timeline
     * @param percentiles latency name to its p50, p95 and p99 in milliseconds
     */
    static void write(Path file, String title, List<Timeline.Sample> samples, Map<String, Percentiles> percentiles)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, 20, 26);
        throughput(g, samples, 70, 60, 820, 480);
        latencies(g, percentiles, 990, 60, 470, 480);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void throughput(Graphics2D g, List<Timeline.Sample> samples, int x, int y, int w, int h) {
        Map<String, List<double[]>> series = rates(samples);
        double maxTime = samples.isEmpty() ? 1 : samples.get(samples.size() - 1).seconds();
        double maxRate = series.values().stream().flatMap(List::stream).mapToDouble(point -> point[1]).max().orElse(1);
        maxRate = niceCeiling(maxRate);
        axes(g, x, y, w, h, "events per second over time (s)");
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int tick = 0; tick <= 5; tick++) {
            int ty = y + h - tick * h / 5;
            g.setColor(new Color(0xdddddd));
            g.drawLine(x, ty, x + w, ty);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%,.0f", maxRate * tick / 5), x - 60, ty + 4);
            g.drawString(String.format(Locale.ROOT, "%.0f", maxTime * tick / 5), x + tick * w / 5 - 8, y + h + 16);
        }
        String leg = null;
        int legs = 0;
        for (Timeline.Sample sample : samples) {
            if (!sample.leg().equals(leg)) {
                leg = sample.leg();
                int lx = x + (int) (sample.seconds() / maxTime * w);
                g.setColor(new Color(0xaaaaaa));
                g.drawLine(lx, y, lx, y + h);
                g.setColor(Color.DARK_GRAY);
                g.drawString(leg, lx + 3, y + 12 + 13 * (legs++ % 3));
            }
        }
        int color = 0;
        int legend = y + h + 36;
        g.setStroke(new BasicStroke(2f));
        for (Map.Entry<String, List<double[]>> entry : series.entrySet()) {
            g.setColor(COLORS[color++ % COLORS.length]);
            int[] previous = null;
            double previousTime = -1;
            for (double[] point : entry.getValue()) {
                int[] current = { x + (int) (point[0] / maxTime * w), y + h - (int) (point[1] / maxRate * h) };
                // a counter of a leg that ended and one of a later leg are not one line
                if (previous != null && point[0] - previousTime < 2.5) {
                    g.drawLine(previous[0], previous[1], current[0], current[1]);
                }
                previous = current;
                previousTime = point[0];
            }
            g.fillRect(x + (color - 1) * 200, legend - 9, 12, 10);
            g.setColor(Color.BLACK);
            g.drawString(entry.getKey() + " /s", x + (color - 1) * 200 + 16, legend);
        }
        g.setStroke(new BasicStroke(1f));
    }

    /**
     * Rates from the cumulative counters, per counter name: each over the last three
     * seconds or more, since batches are counted when their answer comes, a thousand at a
     * time.
     */
    static Map<String, List<double[]>> rates(List<Timeline.Sample> samples) {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (int i = 1; i < samples.size(); i++) {
            Timeline.Sample now = samples.get(i);
            for (Map.Entry<String, Long> counter : now.counters().entrySet()) {
                int from = i - 1;
                if (!samples.get(from).counters().containsKey(counter.getKey())) {
                    continue;
                }
                while (from > 0 && now.seconds() - samples.get(from).seconds() < WINDOW_SECONDS
                        && samples.get(from - 1).counters().containsKey(counter.getKey())) {
                    from--;
                }
                Long before = samples.get(from).counters().get(counter.getKey());
                double elapsed = now.seconds() - samples.get(from).seconds();
                if (before != null && elapsed > 0) {
                    series.computeIfAbsent(counter.getKey(), name -> new ArrayList<>())
                        .add(new double[] { now.seconds(), Math.max(0, counter.getValue() - before) / elapsed });
                }
            }
        }
        return series;
    }

    private static void latencies(Graphics2D g, Map<String, Percentiles> percentiles, int x, int y, int w, int h) {
        axes(g, x, y, w, h, "latency percentiles p50 / p95 / p99 (ms, log scale)");
        double min = 0.5;
        double max = niceCeiling(percentiles.values()
            .stream()
            .flatMapToDouble(value -> Arrays.stream(value.values()))
            .filter(value -> !Double.isNaN(value))
            .max()
            .orElse(10) * 1.2);
        double span = Math.log10(max) - Math.log10(min);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (double tick = 1; tick <= max; tick *= 10) {
            int ty = y + h - (int) ((Math.log10(tick) - Math.log10(min)) / span * h);
            g.setColor(new Color(0xdddddd));
            g.drawLine(x, ty, x + w, ty);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.0f", tick), x - 40, ty + 4);
        }
        int groups = Math.max(1, percentiles.size());
        int group = 0;
        for (Map.Entry<String, Percentiles> entry : percentiles.entrySet()) {
            int gx = x + group * w / groups;
            int bar = w / groups / 4;
            double[] values = entry.getValue().values();
            for (int p = 0; p < values.length; p++) {
                double value = values[p];
                if (Double.isNaN(value)) {
                    continue;
                }
                int bh = (int) ((Math.log10(Math.max(min, value)) - Math.log10(min)) / span * h);
                g.setColor(COLORS[p]);
                g.fillRect(gx + 6 + p * bar, y + h - bh, bar - 2, bh);
                g.setColor(Color.BLACK);
                g.drawString(String.format(Locale.ROOT, "%.0f", value), gx + 6 + p * bar, y + h - bh - 3);
            }
            g.setColor(Color.BLACK);
            int line = 0;
            for (String word : entry.getKey().split(" ")) {
                g.drawString(word, gx + 6, y + h + 16 + 13 * line++);
            }
            group++;
        }
    }

    private static void axes(Graphics2D g, int x, int y, int w, int h, String label) {
        g.setColor(Color.BLACK);
        g.drawRect(x, y, w, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(label, x, y - 8);
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1))));
        for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

}
