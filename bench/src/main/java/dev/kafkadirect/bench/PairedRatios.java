package dev.kafkadirect.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How many times better one contender is than another, paired per round (both ran in the same round, one after
 * the other, on the same machine state): the spread of the rounds' ratios. Above 1 means the first is better
 * (throughput first/second, time second/first). Pairing cancels what a round shares, such as a busy machine.
 */
final class PairedRatios {
    private PairedRatios() {
    }

    /**
     * @param first  round → value of the contender the ratio speaks for
     * @param second round → value of the other
     * @return the spread of the ratios over the rounds both have, or empty when they share none
     */
    static Optional<Spread> of(Map<Integer, Double> first, Map<Integer, Double> second, boolean higherIsBetter) {
        List<Double> ratios = new ArrayList<>();
        first.forEach((round, value) -> {
            Double other = second.get(round);
            if (other != null) {
                ratios.add(higherIsBetter ? value / other : other / value);
            }
        });
        return ratios.isEmpty() ? Optional.empty() : Optional.of(new Spread(ratios));
    }
}
