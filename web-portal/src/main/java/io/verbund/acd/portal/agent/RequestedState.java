package io.verbund.acd.portal.agent;

import io.verbund.acd.agent.AgentState;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.runtime.agent.AgentTransition;
import io.verbund.acd.runtime.problem.ClientText;
import io.verbund.acd.runtime.problem.MalformedRequest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A state a person asked for, validated: one of the {@linkplain AgentState#isRequestable()
 * requestable} states, with a reason exactly when PAUSED. Asking for the state the agent is already
 * in (same reason) changes nothing, so a repeated PUT is harmless. A {@code forced} state is set
 * whatever the agent is doing ({@link AgentStatus#force}).
 */
public record RequestedState(AgentState state, Optional<String> reason, boolean forced) implements AgentTransition {

    static final String REQUESTABLE = Arrays.stream(AgentState.values()).filter(AgentState::isRequestable)
            .map(AgentState::name).collect(Collectors.joining(", "));

    public RequestedState(AgentState state, Optional<String> reason) {
        this(state, reason, false);
    }

    public RequestedState {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        if (!state.isRequestable()) {
            throw new IllegalArgumentException(state + " is not requestable");
        }
        if (reason.isPresent() != (state == AgentState.PAUSED)) {
            throw new IllegalArgumentException("a reason goes with PAUSED and only with it");
        }
    }

    /** @throws MalformedRequest naming what is wrong with the body */
    public static RequestedState from(AgentStateRequest request) {
        if (request == null) {
            throw new MalformedRequest("The request needs a JSON body like {\"state\":\"READY\"}");
        }
        if (request.state() == null || request.state().isBlank()) {
            throw new MalformedRequest("Member 'state' is required: one of " + REQUESTABLE);
        }
        AgentState state = Arrays.stream(AgentState.values()).filter(s -> s.name().equals(request.state())).findFirst()
                .orElseThrow(() -> new MalformedRequest("'" + ClientText.echo(request.state(), 32)
                        + "' is not an agent state; request one of " + REQUESTABLE));
        if (!state.isRequestable()) {
            throw new MalformedRequest(state + " is set by the call path and cannot be requested; request one of "
                    + REQUESTABLE);
        }
        Optional<String> reason = Optional.ofNullable(request.reason()).filter(r -> !r.isBlank());
        if (state == AgentState.PAUSED && reason.isEmpty()) {
            throw new MalformedRequest("PAUSED needs a 'reason': one of the tenant's pause reason codes, e.g. BREAK");
        }
        if (state != AgentState.PAUSED && request.reason() != null) {
            throw new MalformedRequest("'reason' goes only with PAUSED");
        }
        return new RequestedState(state, reason, Boolean.TRUE.equals(request.force()));
    }

    @Override
    public AgentStatus applyTo(AgentStatus current, Instant now) {
        if (current.state() == state && current.reason().equals(reason)) {
            return current;
        }
        if (forced) {
            return current.force(state, reason, now);
        }
        return switch (state) {
            case READY -> current.goReady(now);
            case PAUSED -> current.pause(reason.orElseThrow(), now);
            case LOGGED_OUT -> current.logOut(now);
            default -> throw new IllegalStateException(state + " is not requestable");
        };
    }
}
