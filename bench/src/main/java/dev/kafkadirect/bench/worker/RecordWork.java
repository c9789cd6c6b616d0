package dev.kafkadirect.bench.worker;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.Serializable;
import java.util.Iterator;

/**
 * What a task does with the records it reads besides counting them and summing their value sizes: nothing (a
 * bare read), some computation per record (a CPU-bound job), or a wait per thousand records (an I/O-bound job,
 * as when each batch of records is written to a store). Every contender's tasks run the same work.
 */
final class RecordWork implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Records between two waits of an I/O-bound task. */
    static final int RECORDS_PER_WAIT = 1_000;

    private enum Kind { NONE, CPU, IO }

    /** Written once per task, so that the JIT cannot drop the per-record computation as unused. */
    @SuppressWarnings("unused")
    private static volatile long sink;

    private final Kind kind;
    private final int amount;

    private RecordWork(Kind kind, int amount) {
        this.kind = kind;
        this.amount = amount;
    }

    /**
     * @param spec {@code none}, {@code cpu:N} (N hash passes over each value: about 0.1 µs each here) or
     *             {@code io:N} (N ms of waiting per {@value #RECORDS_PER_WAIT} records)
     * @return the work
     * @throws IllegalArgumentException naming a spec it does not know
     */
    static RecordWork parse(String spec) {
        if (spec.equals("none")) {
            return new RecordWork(Kind.NONE, 0);
        }
        String[] kindAndAmount = spec.split(":", 2);
        if (kindAndAmount.length == 2 && (kindAndAmount[0].equals("cpu") || kindAndAmount[0].equals("io"))) {
            return new RecordWork(kindAndAmount[0].equals("cpu") ? Kind.CPU : Kind.IO,
                    Integer.parseInt(kindAndAmount[1]));
        }
        throw new IllegalArgumentException("work must be none, cpu:N or io:N but was '" + spec + "'");
    }

    /** @return the records and value bytes of one task's records, after doing this work on each */
    ReadTotals consume(Iterator<ConsumerRecord<byte[], byte[]>> records) throws InterruptedException {
        long count = 0;
        long bytes = 0;
        long hash = 0;
        while (records.hasNext()) {
            ConsumerRecord<byte[], byte[]> record = records.next();
            count++;
            bytes += record.serializedValueSize();
            if (kind == Kind.CPU) {
                hash = mix(record.value(), hash);
            } else if (kind == Kind.IO && count % RECORDS_PER_WAIT == 0) {
                Thread.sleep(amount);
            }
        }
        sink = hash;
        return new ReadTotals(count, bytes);
    }

    private long mix(byte[] value, long hash) {
        long mixed = hash;
        for (int pass = 0; pass < amount; pass++) {
            for (byte b : value) {
                mixed = mixed * 31 + b;
            }
        }
        return mixed;
    }
}
