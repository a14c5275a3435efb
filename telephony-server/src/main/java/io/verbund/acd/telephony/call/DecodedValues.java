package io.verbund.acd.telephony.call;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers what a cache string decodes to. The distributor reads every member's status and every
 * waiting caller on each pass; most of those strings did not change since the last pass, and
 * decoding (splitting, validating keys) would otherwise dominate its cost. Bounded: it starts
 * afresh when it grows past its limit.
 */
final class DecodedValues<T> {

    private static final int LIMIT = 50_000;

    private final Map<String, T> decoded = new ConcurrentHashMap<>();
    private final Function<String, T> decoder;

    DecodedValues(Function<String, T> decoder) {
        this.decoder = decoder;
    }

    T decode(String text) {
        T value = decoded.get(text);
        if (value == null) {
            if (decoded.size() >= LIMIT) {
                decoded.clear();
            }
            value = decoder.apply(text);
            decoded.put(text, value);
        }
        return value;
    }
}
