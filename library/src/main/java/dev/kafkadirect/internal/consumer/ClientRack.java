package dev.kafkadirect.internal.consumer;

import dev.kafkadirect.internal.config.Settings;
import dev.kafkadirect.rack.ClientRackResolver;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How executors find their consumers' {@code client.rack}: from an environment variable, or a
 * {@link ClientRackResolver} class, read on the executor (each executor may be in another rack). Chosen on the
 * driver, shipped with each RDD; each executor resolves a choice once and keeps the answer.
 */
public final class ClientRack implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ClientRack.class);
    public static final String ENV = Settings.CLIENT_RACK_ENV.key();
    public static final String RESOLVER = Settings.CLIENT_RACK_RESOLVER.key();
    private static final ClientRack NONE = new ClientRack(null, null);
    /** Each executor's answers, by choice ("env:NAME" or "class:NAME"); empty for no rack. */
    private static final Map<String, String> RESOLVED = new ConcurrentHashMap<>();

    /** Null unless the rack comes from an environment variable. */
    private final String environmentVariable;
    /** Null unless the rack comes from a resolver class. */
    private final String resolverClass;

    private ClientRack(String environmentVariable, String resolverClass) {
        this.environmentVariable = environmentVariable;
        this.resolverClass = resolverClass;
    }

    /**
     * @param options our options, as set
     * @param kafkaParams the user's kafkaParams
     * @return the choice
     * @throws IllegalArgumentException when more than one of client.rack and our two options is set
     */
    static ClientRack from(Map<String, String> options, Map<String, Object> kafkaParams) {
        String env = options.get(ENV);
        String resolver = options.get(RESOLVER);
        boolean fixed = kafkaParams.containsKey(ConsumerConfig.CLIENT_RACK_CONFIG);
        if ((env != null ? 1 : 0) + (resolver != null ? 1 : 0) + (fixed ? 1 : 0) > 1) {
            throw new IllegalArgumentException("Set only one of client.rack (the same rack for every executor), " + ENV
                    + " and " + RESOLVER + " (each executor's own rack) in kafkaParams, but " + setOnes(env, resolver, fixed)
                    + " are set");
        }
        if (env != null && env.trim().isEmpty() || resolver != null && resolver.trim().isEmpty()) {
            throw new IllegalArgumentException(ENV + " and " + RESOLVER + " must not be empty");
        }
        return env == null && resolver == null ? NONE : new ClientRack(trimmed(env), trimmed(resolver));
    }

    /**
     * On an executor: the kafkaParams with this executor's {@code client.rack}, when this choice finds one.
     *
     * @param executorKafkaParams the executor kafkaParams
     * @return them, or a copy with client.rack set
     * @throws IllegalArgumentException naming the resolver class when it cannot be made or fails
     */
    public Map<String, Object> applyTo(Map<String, Object> executorKafkaParams) {
        if (environmentVariable == null && resolverClass == null) {
            return executorKafkaParams;
        }
        String choice = environmentVariable != null ? "env:" + environmentVariable : "class:" + resolverClass;
        String rack = RESOLVED.computeIfAbsent(choice, ignored -> resolve());
        if (rack.isEmpty()) {
            return executorKafkaParams;
        }
        Map<String, Object> withRack = new HashMap<>(executorKafkaParams);
        withRack.put(ConsumerConfig.CLIENT_RACK_CONFIG, rack);
        return withRack;
    }

    private String resolve() {
        String rack = environmentVariable != null ? System.getenv(environmentVariable) : fromResolver();
        if (rack == null || rack.trim().isEmpty()) {
            LOG.warn("No client.rack for this executor's Kafka consumers: {} gives none, so they fetch from the"
                    + " partition leaders", environmentVariable != null
                    ? "environment variable " + environmentVariable + " (" + ENV + ")" : resolverClass + " (" + RESOLVER + ")");
            return "";
        }
        LOG.info("This executor's Kafka consumers fetch as client.rack={} ({})", rack.trim(),
                environmentVariable != null ? "environment variable " + environmentVariable : resolverClass);
        return rack.trim();
    }

    private String fromResolver() {
        Object resolver;
        try {
            Class<?> type = Class.forName(resolverClass, true, contextLoader());
            resolver = type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalArgumentException(RESOLVER + "=" + resolverClass + " cannot be made on this executor (" + e
                    + "): it must be a public class with a public no-argument constructor, on the executors' classpath",
                    e);
        }
        if (!(resolver instanceof ClientRackResolver)) {
            throw new IllegalArgumentException(RESOLVER + "=" + resolverClass + " does not implement "
                    + ClientRackResolver.class.getName());
        }
        return ((ClientRackResolver) resolver).clientRack();
    }

    private static ClassLoader contextLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : ClientRack.class.getClassLoader();
    }

    private static String setOnes(String env, String resolver, boolean fixed) {
        StringBuilder names = new StringBuilder();
        if (fixed) {
            names.append(ConsumerConfig.CLIENT_RACK_CONFIG);
        }
        for (String name : new String[] {env != null ? ENV : null, resolver != null ? RESOLVER : null}) {
            if (name != null) {
                names.append(names.length() > 0 ? " and " : "").append(name);
            }
        }
        return names.toString();
    }

    private static String trimmed(String text) {
        return text == null ? null : text.trim();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientRack && Objects.equals(environmentVariable, ((ClientRack) other).environmentVariable)
                && Objects.equals(resolverClass, ((ClientRack) other).resolverClass);
    }

    @Override
    public int hashCode() {
        return Objects.hash(environmentVariable, resolverClass);
    }
}
