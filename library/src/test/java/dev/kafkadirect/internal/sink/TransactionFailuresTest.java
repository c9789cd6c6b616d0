package dev.kafkadirect.internal.sink;

import dev.kafkadirect.OutputFencedException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TransactionAbortedException;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a task's failed output transaction fails it with. */
class TransactionFailuresTest {
    private static final OffsetRange RANGE = OffsetRange.create("orders", 2, 100, 150);

    @Test
    void aFencedTransactionNamesTheRangeAndTheTransactionalId() {
        for (Exception fenced : new Exception[]{new ProducerFencedException("fenced"),
                new InvalidProducerEpochException("old epoch")}) {
            assertThat(TransactionalPartitionWrite.explain(fenced, RANGE, "app-orders-2"))
                    .isInstanceOf(OutputFencedException.class).hasCause(fenced)
                    .hasMessage("The transaction writing the output of OffsetRange(topic: 'orders', partition: 2,"
                            + " range: [100 -> 150]) was fenced: another attempt of this task (transactional.id"
                            + " app-orders-2) took over, and nothing of this attempt was committed");
        }
    }

    @Test
    void otherKafkaErrorsSayTheTransactionWasAbortedAndOthersPassThrough() {
        TransactionAbortedException aborted = new TransactionAbortedException("aborted by the coordinator");
        IllegalArgumentException notKafka = new IllegalArgumentException("a bug of the caller");

        assertThat(TransactionalPartitionWrite.explain(aborted, RANGE, "app-orders-2"))
                .hasMessage("The transaction writing the output of OffsetRange(topic: 'orders', partition: 2,"
                        + " range: [100 -> 150]) was aborted: aborted by the coordinator").hasCause(aborted);
        assertThat(TransactionalPartitionWrite.explain(notKafka, RANGE, "app-orders-2")).isSameAs(notKafka);
    }
}
