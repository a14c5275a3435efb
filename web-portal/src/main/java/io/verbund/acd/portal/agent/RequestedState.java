package io.verbund.acd.portal.agent;

import io.verbund.acd.portal.api.PortalWords;
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
            throw new MalformedRequest(PortalWords.text("state.body-needed"));
        }
        if (request.state() == null || request.state().isBlank()) {
            throw new MalformedRequest(PortalWords.text("state.state-needed", REQUESTABLE));
        }
        AgentState state = Arrays.stream(AgentState.values()).filter(s -> s.name().equals(request.state())).findFirst()
                .orElseThrow(() -> new MalformedRequest(PortalWords.text("state.unknown", ClientText.echo(request.state(), 32), REQUESTABLE)));
        if (!state.isRequestable()) {
            throw new MalformedRequest(PortalWords.text("state.not-requestable", state, REQUESTABLE));
        }
        Optional<String> reason = Optional.ofNullable(request.reason()).filter(r -> !r.isBlank());
        if (state == AgentState.PAUSED && reason.isEmpty()) {
            throw new MalformedRequest(PortalWords.text("state.reason-needed"));
        }
        if (state != AgentState.PAUSED && request.reason() != null) {
            throw new MalformedRequest(PortalWords.text("state.reason-only-paused"));
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
