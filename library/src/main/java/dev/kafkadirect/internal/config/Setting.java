package dev.kafkadirect.internal.config;

import org.apache.spark.SparkConf;

import java.util.Optional;
import java.util.function.Function;

/**
 * One setting Kafka Direct reads: its key, where it may be set, its default (absent for settings that are off
 * or follow another setting when unset), its default as the docs write it, and its parser, whose errors name
 * the key and the bad value.
 *
 * @param <T> the parsed value's type
 */
public final class Setting<T> {
    private final String key;
    private final SettingSource source;
    private final T defaultValue;
    private final String documentedDefault;
    private final Function<String, T> parser;

    Setting(String key, SettingSource source, T defaultValue, String documentedDefault, Function<String, T> parser) {
        this.key = key;
        this.source = source;
        this.defaultValue = defaultValue;
        this.documentedDefault = documentedDefault;
        this.parser = parser;
    }

    /** @return the key */
    public String key() {
        return key;
    }

    /** @return where it may be set */
    public SettingSource source() {
        return source;
    }

    /** @return the default as docs/configuration.md writes it */
    public String documentedDefault() {
        return documentedDefault;
    }

    /**
     * @param text a value as set
     * @return it parsed
     * @throws IllegalArgumentException naming the key and the value when it cannot be parsed
     */
    public T parse(String text) {
        return parser.apply(text.trim());
    }

    /** @return the value set in {@code conf}, if any, parsed */
    public Optional<T> optionalFrom(SparkConf conf) {
        return conf.contains(key) ? Optional.of(parse(conf.get(key))) : Optional.empty();
    }

    /**
     * @return the value set in {@code conf}, else the default
     * @throws IllegalStateException for a setting without a default (use {@link #optionalFrom})
     */
    public T from(SparkConf conf) {
        return optionalFrom(conf).orElseGet(this::defaultValue);
    }

    /** @return the default */
    public T defaultValue() {
        if (defaultValue == null) {
            throw new IllegalStateException(key + " has no default: it is off, or follows another setting, when unset");
        }
        return defaultValue;
    }

    @Override
    public String toString() {
        return key;
    }
}
