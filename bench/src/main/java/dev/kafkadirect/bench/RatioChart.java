package dev.kafkadirect.bench;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A bar chart of how many times better ours is, per metric and phase, against Apache's module and raw-parallel. */
final class RatioChart {
    private RatioChart() {
    }

    static void write(List<MetricSummary> summaries, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (MetricSummary summary : summaries) {
            String category = summary.metric + " " + summary.phase;
            summary.ratio(Contender.OURS, Contender.APACHE).ifPresent(ratio ->
                    dataset.addValue(ratio.median, "ours vs apache (same kafka-clients)", category));
            summary.ratio(Contender.OURS, Contender.RAW_PARALLEL).ifPresent(ratio ->
                    dataset.addValue(ratio.median, "ours vs raw-parallel", category));
            summary.ratio(Contender.OURS_BESIDE_STRUCTURED, Contender.STRUCTURED).ifPresent(ratio ->
                    dataset.addValue(ratio.median, "ours vs Structured Streaming's Kafka source (same Spark)", category));
        }
        JFreeChart chart = ChartFactory.createBarChart("Kafka Direct: times better than the other (median of paired ratios; above 1 = ours better)",
                "metric", "ratio", dataset, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        ValueMarker parity = new ValueMarker(1.0, Color.DARK_GRAY, new BasicStroke(2f));
        plot.addRangeMarker(parity);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1100, 550);
    }
}
