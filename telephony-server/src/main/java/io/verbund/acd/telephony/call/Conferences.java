package io.verbund.acd.telephony.call;

import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.call.TransferTarget;
import io.verbund.acd.runtime.callcontrol.CallCommands;
import io.verbund.acd.runtime.callcontrol.ConferenceAsked;
import io.verbund.acd.telephony.directory.AgentLine;
import io.verbund.acd.telephony.directory.DirectoryUnavailable;
import io.verbund.acd.telephony.directory.TelephonyDirectory;
import io.verbund.acd.telephony.registrar.Binding;
import io.verbund.acd.telephony.registrar.Registrations;
import io.verbund.acd.telephony.sip.SipEndpoint;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Three-way conferences: the agent adds a third party to its connected call, another agent's phone
 * (ready, reserved like a transfer's target) or a number the tenant allows through the trunk (the
 * same gate as a transfer's, {@link Transfers#whyNotToNumber}); once it answers, caller, agent and
 * third party are mixed in the call's room ({@link MixedCall}). The third party hanging up leaves the
 * two-party call, bridged again; the caller hanging up ends the call for everyone, the agent hanging
 * up leaves caller and third party talking ({@link CallSupervision#handOver}). The ringing and the
 * room are {@link CallSupervision}'s, shared with supervisors.
 */
@ApplicationScoped
public class Conferences {

    private static final Logger LOG = Logger.getLogger(Conferences.class.getName());

    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    private ManagedExecutorService executor;

    private final CallCommands commands;
    private final CallSessions sessions;
    private final CallSupervision parties;
    private final Transfers transfers;
    private final TelephonyDirectory directory;
    private final Registrations registrations;
    private final AgentStates agents;
    private final CallHistory history;
    private final SipEndpoint sip;
    private final Clock clock;
    private final Consumer<ConferenceAsked> onAsked = this::asked;

    @Inject
    public Conferences(CallCommands commands, CallSessions sessions, CallSupervision parties, Transfers transfers,
                       TelephonyDirectory directory, Registrations registrations, AgentStates agents, CallHistory history,
                       SipEndpoint sip, Clock clock) {
        this.commands = commands;
        this.sessions = sessions;
        this.parties = parties;
        this.transfers = transfers;
        this.directory = directory;
        this.registrations = registrations;
        this.agents = agents;
        this.history = history;
        this.sip = sip;
        this.clock = clock;
    }

    protected Conferences() {
        this(null, null, null, null, null, null, null, null, null, null);
    }

    void start(@Observes Startup startup) {
        commands.watchConferences(onAsked);
    }

    @PreDestroy
    void stop() {
        commands.stopWatchingConferences(onAsked);
    }

    private void asked(ConferenceAsked asked) {
        Optional<AcdCall> held = sessions.byCaller(asked.callId());
        if (held.isEmpty()) {
            return;
        }
        executor.execute(() -> {
            AcdCall call = held.get();
            try (CallLogContext context = CallLogContext.of(call)) {
                synchronized (call) {
                    Optional<String> refused = start(call, asked);
                    refused.ifPresent(why -> LOG.info(() -> "conference with " + asked.target() + " not started: " + why));
                }
            }
            commands.conferenceDone(asked.callId());
        });
    }

    /** @return why the third party is not rung; empty when it rings */
    private Optional<String> start(AcdCall call, ConferenceAsked asked) {
        TransferTarget target = asked.target();
        if (!call.hasAgent()) {
            return Optional.of("the call has no agent");
        }
        Optional<String> notMixed = CallSupervision.whyNotMixed(call);
        if (notMixed.isPresent()) {
            return notMixed;
        }
        if (call.mixing != null && call.mixing.parties().stream().anyMatch(party -> !party.isSupervisor())) {
            return Optional.of("the call already has a third party");
        }
        String by = "api:" + asked.by();
        if (!target.isAgent()) {
            Optional<String> impossible = transfers.whyNotToNumber(call, target.value());
            if (impossible.isPresent()) {
                return impossible;
            }
            return parties.ring(call, transfers.trunkDestination(target.value()), null, null, false, by, target, null, 0)
                    ? Optional.empty() : Optional.of("the INVITE could not be sent");
        }
        Instant now = clock.instant();
        Optional<AgentLine> line;
        try {
            line = directory.agent(call.tenantId, target.value());
        } catch (DirectoryUnavailable e) {
            return Optional.of("configuration unavailable");
        }
        if (line.isEmpty()) {
            return Optional.of("no agent " + target.value() + " in this tenant");
        }
        Optional<Binding> phone = registrations.active(line.get().sipUsername(), now);
        if (phone.isEmpty()) {
            return Optional.of("agent " + target.value() + " has no registered phone");
        }
        AgentStatus ready = agents.current(line.get().agent(), now);
        if (!ready.isAvailable(now)) {
            return Optional.of("agent " + target.value() + " is not ready (" + ready.state() + ")");
        }
        AgentStatus reserved = ready.reserve(call.callId, history.node(), now);
        if (!agents.compareAndSet(ready, reserved)) {
            return Optional.of("agent " + target.value() + " was taken by another call");
        }
        try {
            SipDestination destination = SipDestination.phone(phone.get(), sip.addresses());
            if (parties.ring(call, destination, sip.addresses().createSipURI(target.value(), sip.host()), null, false, by, target,
                    line.get().agent(), line.get().agentId())) {
                LOG.info(() -> "conference: agent " + target.value() + " rings (" + asked.by() + ")");
                return Optional.empty();
            }
        } catch (ParseException e) {
            LOG.fine(() -> "agent " + target.value() + "'s contact: " + e.getMessage());
        }
        agents.compareAndSet(reserved, io.verbund.acd.routing.OfferTerms.withdrawn(reserved, now));
        return Optional.of("agent " + target.value() + "'s phone could not be rung");
    }
}
