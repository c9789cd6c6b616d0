package dev.kafkadirect.internal.stream;

import dev.kafkadirect.internal.scala.ScalaInterop;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.spark.rdd.RDD;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.dstream.DStreamCheckpointData;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a direct stream saves in a Spark checkpoint besides its current offsets: the offset ranges of
 * every batch generated and not yet cleared, so a restarted driver rebuilds exactly those batches.
 */
final class DirectStreamCheckpointData<K, V> extends DStreamCheckpointData<ConsumerRecord<K, V>> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DirectStreamCheckpointData.class);

    private final DirectKafkaInputDStream<K, V> stream;
    private final HashMap<Time, OffsetRange[]> rangesByBatch = new HashMap<>();

    DirectStreamCheckpointData(DirectKafkaInputDStream<K, V> stream) {
        super(stream, ScalaInterop.classTag(ConsumerRecord.class));
        this.stream = stream;
    }

    @Override
    public void update(Time time) {
        synchronized (rangesByBatch) {
            rangesByBatch.clear();
            for (Tuple2<Time, RDD<ConsumerRecord<K, V>>> batch : ScalaInterop.toJavaList(stream.generatedRDDs().toSeq())) {
                rangesByBatch.put(batch._1(), ((HasOffsetRanges) batch._2()).offsetRanges());
            }
        }
    }

    @Override
    public void cleanup(Time time) {
        // Nothing on disk to delete: the ranges live in the checkpoint itself.
    }

    @Override
    public void restore() {
        List<Map.Entry<Time, OffsetRange[]>> batches;
        synchronized (rangesByBatch) {
            batches = new ArrayList<>(rangesByBatch.entrySet());
        }
        batches.sort(Comparator.comparingLong(entry -> entry.getKey().milliseconds()));
        for (Map.Entry<Time, OffsetRange[]> batch : batches) {
            LOG.info("Restoring the batch of {} from the checkpoint: {}", batch.getKey(), (Object) batch.getValue());
            stream.generatedRDDs().put(batch.getKey(), stream.newRdd(batch.getValue(), Collections.emptyMap()));
        }
    }
}
