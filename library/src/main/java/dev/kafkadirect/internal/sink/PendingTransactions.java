package dev.kafkadirect.internal.sink;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Settles the open transactions a killed application left under a sink's transactional ids. Until they
 * are settled, the offsets they would commit hold the consumer group's offsets "unstable", and a restarted
 * stream cannot even find where to start (its consumer waits for them until {@code transaction.timeout.ms}
 * ends them). A producer that initializes with such an id aborts the open transaction at once.
 */
public final class PendingTransactions {
    private static final Logger LOG = LoggerFactory.getLogger(PendingTransactions.class);
    private static final Collection<TransactionState> OPEN = Arrays.asList(TransactionState.ONGOING,
            TransactionState.PREPARE_ABORT, TransactionState.PREPARE_COMMIT, TransactionState.PREPARE_EPOCH_FENCE);

    private PendingTransactions() {
    }

    /**
     * @param params the sink's producer settings
     * @param transactionalIdPrefix the sink's prefix; only ids {@code <prefix>-...} are touched
     * @return the transactional ids whose open transactions were settled
     */
    public static List<String> settle(ProducerParams params, String transactionalIdPrefix) {
        List<String> settled = new ArrayList<>();
        Collection<TransactionListing> open;
        try (Admin admin = Admin.create(params.admin())) {
            open = admin.listTransactions(new ListTransactionsOptions().filterStates(OPEN)).all().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnsupportedVersionException) {
                LOG.warn("The brokers cannot list transactions (they predate Kafka 3.0); open transactions of a killed"
                        + " application end after its transaction.timeout.ms instead");
                return settled;
            }
            throw new IllegalStateException("Listing the open transactions of prefix " + transactionalIdPrefix
                    + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while listing open transactions", e);
        }
        for (TransactionListing listing : open) {
            if (listing.transactionalId().startsWith(transactionalIdPrefix + "-")) {
                // initTransactions aborts the open transaction of the id and fences its producer.
                try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                        params.transactionalBytes(listing.transactionalId()))) {
                    producer.initTransactions();
                }
                settled.add(listing.transactionalId());
            }
        }
        if (!settled.isEmpty()) {
            LOG.info("Aborted the open transactions that an earlier run left under {}", settled);
        }
        return settled;
    }
}
