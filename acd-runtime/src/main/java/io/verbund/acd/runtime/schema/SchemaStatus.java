package io.verbund.acd.runtime.schema;

import java.time.Instant;
import java.util.Optional;

/**
 * Where this deployment's schema start-up stands. A service is only healthy once its schema is
 * {@link State#READY}: before that, it must not take calls or requests that write.
 */
public record SchemaStatus(State state, Optional<String> version, Optional<String> problem, Instant since) {

    public enum State { PENDING, READY, RETRYING }

    public static SchemaStatus pending(Instant now) {
        return new SchemaStatus(State.PENDING, Optional.empty(), Optional.empty(), now);
    }

    public static SchemaStatus ready(String version, Instant now) {
        return new SchemaStatus(State.READY, Optional.of(version), Optional.empty(), now);
    }

    public static SchemaStatus retrying(String problem, Instant now) {
        return new SchemaStatus(State.RETRYING, Optional.empty(), Optional.of(problem), now);
    }

    public boolean isReady() {
        return state == State.READY;
    }
}
