package dev.kafkadirect.internal.stream;

import dev.kafkadirect.internal.scala.ScalaInterop;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.apache.spark.streaming.scheduler.StreamInputInfo;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What a batch reports to Spark's Streaming UI: its record count and a readable list of its non-empty
 * ranges, both from the ranges alone (no extra pass over the data).
 */
final class BatchInfo {
    /** Metadata key under which the batch's ranges are reported, as a Scala list. */
    static final String OFFSETS_KEY = "offsets";

    private BatchInfo() {
    }

    static StreamInputInfo of(int inputStreamId, OffsetRange[] ranges) {
        long records = 0;
        StringBuilder description = new StringBuilder();
        for (OffsetRange range : ranges) {
            records += range.count();
            if (range.count() > 0) {
                description.append("topic: ").append(range.topic())
                        .append("\tpartition: ").append(range.partition())
                        .append("\toffsets: ").append(range.fromOffset()).append(" to ").append(range.untilOffset())
                        .append("\tcount: ").append(range.count()).append('\n');
            }
        }
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(OFFSETS_KEY, ScalaInterop.toScalaSeq(Arrays.asList(ranges)));
        metadata.put(StreamInputInfo.METADATA_KEY_DESCRIPTION(), description.toString());
        return new StreamInputInfo(inputStreamId, records, ScalaInterop.toScalaImmutableMap(metadata));
    }
}
