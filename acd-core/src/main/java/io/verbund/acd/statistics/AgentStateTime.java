package io.verbund.acd.statistics;

import io.verbund.acd.agent.AgentState;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How long an agent spent in each state in one 15-minute slice, pauses by reason — from its state
 * changes ({@code agent_event}), each state lasting until the next change. A state that runs across
 * slice boundaries (or midnight) is split at them, so slices add up to any period exactly.
 *
 * @param inState time per state (LOGGED_OUT not kept)
 * @param paused  the PAUSED time by pause reason code
 */
public record AgentStateTime(Map<AgentState, Duration> inState, Map<String, Duration> paused) {

    public static final AgentStateTime NONE = new AgentStateTime(Map.of(), Map.of());

    /** One state change: the state entered at {@code at}, with the pause reason when PAUSED. */
    public record Change(Instant at, AgentState state, Optional<String> reason) {

        public Change {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(state, "state");
        }
    }

    public AgentStateTime {
        inState = Collections.unmodifiableMap(new EnumMap<>(inState.isEmpty() ? new EnumMap<>(AgentState.class) : inState));
        paused = Collections.unmodifiableMap(new LinkedHashMap<>(paused));
    }

    /**
     * The agent's time per slice from its changes in order, up to {@code until} (now, or the end of
     * the period): the last state lasts until then.
     */
    public static Map<Instant, AgentStateTime> bySlice(List<Change> changes, Instant until) {
        Map<Instant, AgentStateTime> slices = new TreeMap<>();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            Instant end = i + 1 < changes.size() ? changes.get(i + 1).at() : until;
            if (change.state() == AgentState.LOGGED_OUT || !end.isAfter(change.at())) {
                continue;
            }
            for (Instant from = change.at(); from.isBefore(end); ) {
                Instant sliceEnd = Slices.startOf(from).plus(Slices.LENGTH);
                Instant to = sliceEnd.isBefore(end) ? sliceEnd : end;
                slices.merge(Slices.startOf(from), of(change, Duration.between(from, to)), AgentStateTime::plus);
                from = to;
            }
        }
        return slices;
    }

    private static AgentStateTime of(Change change, Duration time) {
        Map<AgentState, Duration> inState = new EnumMap<>(AgentState.class);
        inState.put(change.state(), time);
        return new AgentStateTime(inState, change.state() == AgentState.PAUSED ? Map.of(change.reason().orElse(""), time) : Map.of());
    }

    public AgentStateTime plus(AgentStateTime other) {
        Map<AgentState, Duration> states = new EnumMap<>(AgentState.class);
        states.putAll(inState);
        other.inState.forEach((state, time) -> states.merge(state, time, Duration::plus));
        Map<String, Duration> reasons = new LinkedHashMap<>(paused);
        other.paused.forEach((reason, time) -> reasons.merge(reason, time, Duration::plus));
        return new AgentStateTime(states, reasons);
    }

    public Duration in(AgentState state) {
        return inState.getOrDefault(state, Duration.ZERO);
    }

    /** Logged in: every state but LOGGED_OUT. */
    public Duration loggedIn() {
        return inState.values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** Handling calls: talking and wrapping up. */
    public Duration handling() {
        return in(AgentState.ON_CALL).plus(in(AgentState.WRAP_UP));
    }

    /** Available for calls: ready, and reserved or ringing for one. */
    public Duration available() {
        return in(AgentState.READY).plus(in(AgentState.RESERVED)).plus(in(AgentState.RINGING));
    }

    /** Occupancy: handling / (handling + available), pauses left out; empty without either. */
    public Optional<Double> occupancyPercent() {
        return percent(handling(), handling().plus(available()));
    }

    /** Utilisation: handling / logged in, pauses included; empty when not logged in. */
    public Optional<Double> utilisationPercent() {
        return percent(handling(), loggedIn());
    }

    private static Optional<Double> percent(Duration part, Duration whole) {
        return whole.isZero() ? Optional.empty() : Optional.of(100.0 * part.toMillis() / whole.toMillis());
    }

    /** For the figures of one period: the slices' sum. */
    public static AgentStateTime sum(List<AgentStateTime> slices) {
        return slices.stream().reduce(NONE, AgentStateTime::plus);
    }
}
