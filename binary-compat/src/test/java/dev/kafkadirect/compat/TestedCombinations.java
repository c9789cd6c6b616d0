package dev.kafkadirect.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * README's table of tested combinations, read so that tests can compare what it claims with what they ran. Its
 * header is {@value #HEADER}; each row names the build (the Maven profile, or {@code default}), the Spark, Scala and
 * Java versions, the broker versions, and what checks the row.
 */
final class TestedCombinations {
    static final String HEADER = "| build | artifact | Spark | Scala | Java | Kafka brokers | checked by |";

    /** One row of the table. */
    static final class Row {
        final String build;
        final String artifact;
        final String spark;
        final String scala;
        final String java;
        final List<String> brokers;
        final String checkedBy;

        Row(List<String> cells) {
            build = cells.get(0);
            artifact = cells.get(1);
            spark = cells.get(2);
            scala = cells.get(3);
            java = cells.get(4);
            brokers = Arrays.stream(cells.get(5).split(",")).map(String::trim).collect(Collectors.toList());
            checkedBy = cells.get(6);
        }

        /** @return the row's Spark, Scala and Java, as {@code spark/scala/java}, to compare with what ran */
        String cell() {
            return spark + "/" + scala + "/" + java;
        }

        @Override
        public String toString() {
            return String.join(" | ", build, artifact, spark, scala, java, String.join(", ", brokers), checkedBy);
        }
    }

    private TestedCombinations() {
    }

    /**
     * @param readme the README file
     * @return the rows of its table of tested combinations
     * @throws IllegalStateException when the README has no such table
     */
    static List<Row> read(Path readme) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + readme, e);
        }
        int header = lines.indexOf(HEADER);
        if (header < 0) {
            throw new IllegalStateException(readme + " has no table of tested combinations with the header " + HEADER);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String line = lines.get(i).trim();
            List<String> cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|"))
                    .map(String::trim).map(cell -> cell.replace("`", "")).collect(Collectors.toList());
            if (cells.size() != 7) {
                throw new IllegalStateException("Row " + (i + 1) + " of " + readme + " has " + cells.size()
                        + " cells, not 7: " + line);
            }
            rows.add(new Row(cells));
        }
        return rows;
    }
}
