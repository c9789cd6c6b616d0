package dev.kafkadirect.internal.stream;

import dev.kafkadirect.internal.metrics.BatchReport;
import dev.kafkadirect.internal.scala.ScalaInterop;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.apache.spark.streaming.scheduler.StreamInputInfo;

import java.util.HashMap;
import java.util.Map;

/**
 * What a batch reports to Spark's Streaming UI: its record count and a readable list of its non-empty
 * ranges with their lag, from the ranges alone (no extra pass over the data), and its metrics report.
 */
final class BatchInfo {
    /** Metadata key under which the batch's ranges are reported, as a Scala list. */
    static final String OFFSETS_KEY = "offsets";

    private BatchInfo() {
    }

    /**
     * @param inputStreamId the stream's id
     * @param ranges the batch's planned ranges, one per partition, as the Scala list the UI shows (the report keeps
     *               this same list)
     * @param latestOffsets each partition's latest offset when planned, for the lag shown
     * @param report the batch's metrics report, read by metrics listeners when the batch completes
     */
    static StreamInputInfo of(int inputStreamId, scala.collection.immutable.Seq<OffsetRange> ranges,
                              Map<TopicPartition, Long> latestOffsets, BatchReport report) {
        long records = 0;
        StringBuilder description = new StringBuilder();
        scala.collection.Iterator<OffsetRange> inOrder = ranges.iterator();
        while (inOrder.hasNext()) {
            OffsetRange range = inOrder.next();
            records += range.count();
            if (range.count() > 0) {
                description.append("topic: ").append(range.topic())
                        .append("\tpartition: ").append(range.partition())
                        .append("\toffsets: ").append(range.fromOffset()).append(" to ").append(range.untilOffset())
                        .append("\tcount: ").append(range.count())
                        .append("\tlag: ").append(BatchReport.lag(range, latestOffsets)).append('\n');
            }
        }
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(OFFSETS_KEY, ranges);
        metadata.put(StreamInputInfo.METADATA_KEY_DESCRIPTION(), description.toString());
        metadata.put(BatchReport.METADATA_KEY, report);
        return new StreamInputInfo(inputStreamId, records, ScalaInterop.toScalaImmutableMap(metadata));
    }
}
