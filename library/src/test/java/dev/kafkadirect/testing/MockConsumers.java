package dev.kafkadirect.testing;

import dev.kafkadirect.internal.consumer.ConsumerFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A consumer factory for tests: every consumer is a Kafka {@link MockConsumer}, kept with the params it got. */
public final class MockConsumers implements ConsumerFactory {
    private static final long serialVersionUID = 1L;

    private final transient List<MockConsumer<?, ?>> created = Collections.synchronizedList(new ArrayList<>());
    private final transient List<Map<String, Object>> params = Collections.synchronizedList(new ArrayList<>());
    private final transient java.util.function.Consumer<MockConsumer<?, ?>> setup;

    /** A factory of bare mock consumers. */
    public MockConsumers() {
        this(consumer -> { });
    }

    /**
     * @param setup applied to each mock consumer as it is made, e.g. to schedule the group's assignment with
     *              {@code schedulePollTask(() -> consumer.rebalance(...))} before the code under test polls
     */
    public MockConsumers(java.util.function.Consumer<MockConsumer<?, ?>> setup) {
        this.setup = setup;
    }

    @Override
    public <K, V> Consumer<K, V> create(Map<String, Object> kafkaParams) {
        MockConsumer<K, V> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
        setup.accept(consumer);
        created.add(consumer);
        params.add(kafkaParams);
        return consumer;
    }

    /** @return how many consumers this factory made */
    public int createdCount() {
        return created.size();
    }

    /** @return the {@code index}-th consumer this factory made, from 0 */
    @SuppressWarnings("unchecked")
    public <K, V> MockConsumer<K, V> created(int index) {
        return (MockConsumer<K, V>) created.get(index);
    }

    /** @return the configuration the {@code index}-th consumer was made with */
    public Map<String, Object> paramsOf(int index) {
        return params.get(index);
    }
}
