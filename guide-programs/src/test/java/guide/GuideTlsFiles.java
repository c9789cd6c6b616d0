package guide;

import dev.kafkadirect.testkit.TlsMaterial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a client truststore and keystore where the guide's SSL snippet names them,
 * {@code /some-directory/kafka.client.truststore.jks} and {@code kafka.client.keystore.jks}, with the
 * snippet's password {@code test1234}, and removes what it created when closed. A marker file beside them says
 * they are ours, so stores left behind by a run that was killed are replaced, while stores of anybody else's
 * are never touched.
 */
final class GuideTlsFiles implements AutoCloseable {
    static final Path DIRECTORY = Paths.get("/some-directory");
    static final String PASSWORD = "test1234";
    private static final Path MARKER = DIRECTORY.resolve(".kafka-direct-guide-tests");

    private final TlsMaterial material;
    private final List<Path> created;

    private GuideTlsFiles(TlsMaterial material, List<Path> created) {
        this.material = material;
        this.created = created;
    }

    static GuideTlsFiles install() {
        try {
            Path generated = Files.createTempDirectory("guide-tls-");
            TlsMaterial material = TlsMaterial.generate(generated, PASSWORD);
            List<Path> created = new ArrayList<>();
            if (!Files.isDirectory(DIRECTORY)) {
                created.add(Files.createDirectories(DIRECTORY));
            }
            boolean leftByAnEarlierRun = Files.exists(MARKER);
            created.add(0, leftByAnEarlierRun ? MARKER : Files.createFile(MARKER));
            created.add(0, copy(material.truststore(), DIRECTORY.resolve("kafka.client.truststore.jks"), leftByAnEarlierRun));
            created.add(0, copy(material.clientKeystore(), DIRECTORY.resolve("kafka.client.keystore.jks"), leftByAnEarlierRun));
            return new GuideTlsFiles(material, created);
        } catch (IOException e) {
            throw new IllegalStateException("The guide's SSL snippet reads its stores from " + DIRECTORY
                    + "; creating them there failed (the tests need to write that folder): " + e, e);
        }
    }

    TlsMaterial material() {
        return material;
    }

    private static Path copy(Path from, Path to, boolean ours) throws IOException {
        if (Files.exists(to) && !ours) {
            throw new IOException(to + " already exists and " + MARKER + " does not: it is not ours to replace");
        }
        return Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        for (Path path : created) {
            Files.deleteIfExists(path);
        }
    }
}
