package dev.kafkadirect.internal.sink;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.Serializable;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** A sink's producer settings, checked once on the driver by Kafka's own parser, and shipped to executors. */
public final class ProducerParams implements Serializable {
    private static final long serialVersionUID = 1L;

    private final HashMap<String, Object> params;

    private ProducerParams(Map<String, Object> params) {
        this.params = new HashMap<>(params);
    }

    /**
     * @param producerParams the user's producer configuration
     * @return the checked settings
     * @throws IllegalArgumentException naming the missing or invalid setting, or a transactional.id (the sink sets its own)
     */
    public static ProducerParams of(Map<String, Object> producerParams) {
        if (producerParams == null) {
            throw new IllegalArgumentException("producerParams must not be null: pass the Kafka producer configuration,"
                    + " at least bootstrap.servers, key.serializer and value.serializer");
        }
        if (producerParams.containsKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG)) {
            throw new IllegalArgumentException("producerParams must not set transactional.id: the exactly-once sink"
                    + " derives one per input partition from its transactionalIdPrefix, and the at-least-once sink"
                    + " uses none");
        }
        Object servers = producerParams.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
        if (servers == null || String.valueOf(servers).trim().isEmpty()) {
            throw new IllegalArgumentException("producerParams must set bootstrap.servers (the brokers to write to)");
        }
        try {
            ProducerConfig.configDef().parse(producerParams);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("producerParams are not a valid Kafka producer configuration: "
                    + e.getMessage(), e);
        }
        return new ProducerParams(producerParams);
    }

    /** @return the settings for a plain (at-least-once) producer */
    public Map<String, Object> plain() {
        return Collections.unmodifiableMap(params);
    }

    /** @return the settings for a transactional producer with the given id */
    public Map<String, Object> transactional(String transactionalId) {
        Map<String, Object> transactional = new HashMap<>(params);
        transactional.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        transactional.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return transactional;
    }

    /** @return the settings for a transactional producer with the given id that writes nothing (byte serializers) */
    public Map<String, Object> transactionalBytes(String transactionalId) {
        Map<String, Object> transactional = transactional(transactionalId);
        transactional.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        transactional.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return transactional;
    }

    /** @return the connection and security settings, for an admin client of the same cluster */
    public Map<String, Object> admin() {
        Map<String, Object> admin = new HashMap<>();
        params.forEach((key, value) -> {
            // The user's metric reporters are for their producers, not for the sink's internal admin clients.
            if (AdminClientConfig.configNames().contains(key) && !key.startsWith("metric")) {
                admin.put(key, value);
            }
        });
        return admin;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProducerParams && params.equals(((ProducerParams) other).params);
    }

    @Override
    public int hashCode() {
        return params.hashCode();
    }

    @Override
    public String toString() {
        return "ProducerParams(bootstrap.servers=" + params.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) + ")";
    }
}
