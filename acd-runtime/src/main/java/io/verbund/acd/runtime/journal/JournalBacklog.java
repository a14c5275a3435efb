package io.verbund.acd.runtime.journal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What the journal holds that its sink has not committed yet. */
public record JournalBacklog(long entries, long bytes, Optional<Instant> oldestAppendedAt) {

    public static final JournalBacklog EMPTY = new JournalBacklog(0, 0, Optional.empty());

    public boolean isEmpty() {
        return entries == 0;
    }

    /** How long the oldest entry has waited; zero when there is none. */
    public Duration oldestAge(Instant now) {
        return oldestAppendedAt.map(oldest -> Duration.between(oldest, now)).filter(age -> !age.isNegative()).orElse(Duration.ZERO);
    }
}
