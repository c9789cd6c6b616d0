package dev.kafkadirect.examples.submit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Properties;

/**
 * Extra consumer settings from a properties file, as Kafka's own tools take them ({@code --consumer.config}):
 * security settings such as {@code security.protocol}, {@code sasl.mechanism} and {@code sasl.jaas.config}.
 */
final class ClientProperties {
    private ClientProperties() {
    }

    /**
     * @param kafkaParams the application's kafkaParams; the file's settings are added over them
     * @param file the properties file, on the driver's machine
     */
    static void addTo(Map<String, Object> kafkaParams, String file) {
        Path path = Paths.get(file);
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the consumer properties file " + path.toAbsolutePath(), e);
        }
        properties.stringPropertyNames().forEach(name -> kafkaParams.put(name, properties.getProperty(name)));
    }
}
