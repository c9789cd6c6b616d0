package dev.kafkadirect.internal.metrics;

import dev.kafkadirect.internal.scala.ScalaInterop;
import dev.kafkadirect.metrics.PartitionMetrics;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class BatchReportTest {
    private static final TopicPartition FIRST = new TopicPartition("orders", 0);
    private static final TopicPartition SECOND = new TopicPartition("orders", 1);
    private static final scala.collection.immutable.Seq<OffsetRange> RANGES = ScalaInterop.toScalaSeq(
            Arrays.asList(OffsetRange.create(FIRST, 0, 100), OffsetRange.create(SECOND, 40, 90)));

    @Test
    void reportsEachPartitionsLatestOffsetAndLagAsPlanned() {
        List<Long> totalLags = new ArrayList<>();
        BatchReport report = new BatchReport(3, 1_000, RANGES, Map.of(FIRST, 250L, SECOND, 90L), totalLag -> {
            totalLags.add(totalLag);
            return 4;
        }, new ReadAccumulator());

        List<PartitionMetrics> partitions = report.metrics().partitions();

        assertThat(partitions.stream().map(PartitionMetrics::latestOffset).collect(Collectors.toList()))
                .containsExactly(250L, 90L);
        assertThat(partitions.stream().map(PartitionMetrics::lag).collect(Collectors.toList())).containsExactly(150L, 0L);
        assertThat(totalLags).containsExactly(150L);
        assertThat(report.metrics().totalLag()).isEqualTo(150);
        assertThat(report.metrics().lagGrowthStreak()).isEqualTo(4);
    }

    @Test
    void aStreamThatKeepsUpReportsItsRangeEndsAsLatestOffsets() {
        BatchReport report = new BatchReport(3, 1_000, RANGES, Map.of(FIRST, 100L), totalLag -> 0,
                new ReadAccumulator());

        assertThat(report.metrics().partitions().stream().map(PartitionMetrics::latestOffset)
                .collect(Collectors.toList())).containsExactly(100L, 90L);
        assertThat(report.metrics().partitions().stream().mapToLong(PartitionMetrics::lag).sum()).isZero();
    }
}
