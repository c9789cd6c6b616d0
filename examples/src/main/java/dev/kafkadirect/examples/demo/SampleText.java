package dev.kafkadirect.examples.demo;

import java.util.Map;
import java.util.TreeMap;

/**
 * The demo's data set: numbered lines of words from a small vocabulary, the same every run, so the
 * demo can check its counts against what it produced.
 */
public final class SampleText {
    private static final String[] VOCABULARY = {
        "kafka", "spark", "stream", "batch", "offset", "partition", "record", "topic",
        "broker", "executor", "driver", "commit", "range", "consumer", "direct", "lag"
    };

    private SampleText() {
    }

    /**
     * @param index the line number, from 0
     * @return line {@code index}: one to five words
     */
    public static String line(long index) {
        int words = (int) (index % 5) + 1;
        StringBuilder line = new StringBuilder();
        for (int word = 0; word < words; word++) {
            if (word > 0) {
                line.append(' ');
            }
            line.append(VOCABULARY[skewedWord(index, word)]);
        }
        return line.toString();
    }

    /** Picks a vocabulary index from a fixed hash, squared so that early words are far more common. */
    private static int skewedWord(long index, int word) {
        long hash = (index * 2_654_435_761L + word * 40_503L) & 0xFFFF;
        double unit = hash / 65_536.0;
        return (int) (unit * unit * VOCABULARY.length);
    }

    /**
     * @param lines how many lines were produced
     * @return how often each word occurs in lines {@code [0, lines)}
     */
    public static Map<String, Long> expectedCounts(long lines) {
        Map<String, Long> counts = new TreeMap<>();
        for (long index = 0; index < lines; index++) {
            for (String word : line(index).split(" ")) {
                counts.merge(word, 1L, Long::sum);
            }
        }
        return counts;
    }
}
