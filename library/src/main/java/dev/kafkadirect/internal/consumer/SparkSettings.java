package dev.kafkadirect.internal.consumer;

import org.apache.spark.SparkConf;

/** Reads typed values from a SparkConf with messages that name the setting and the bad value. */
public final class SparkSettings {
    private SparkSettings() {
    }

    /** @return the setting as a whole number, or the default when unset */
    public static long longValue(SparkConf conf, String key, long defaultValue) {
        if (!conf.contains(key)) {
            return defaultValue;
        }
        String value = conf.get(key).trim();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number but was '" + value + "'", e);
        }
    }

    /** @return the setting as a number, or the default when unset */
    public static float floatValue(SparkConf conf, String key, float defaultValue) {
        if (!conf.contains(key)) {
            return defaultValue;
        }
        String value = conf.get(key).trim();
        try {
            return Float.parseFloat(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number but was '" + value + "'", e);
        }
    }

    /** @return the setting as true/false, or the default when unset */
    public static boolean booleanValue(SparkConf conf, String key, boolean defaultValue) {
        if (!conf.contains(key)) {
            return defaultValue;
        }
        String value = conf.get(key).trim();
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(key + " must be true or false but was '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }
}
