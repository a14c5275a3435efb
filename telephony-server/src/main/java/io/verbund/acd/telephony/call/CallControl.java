package io.verbund.acd.telephony.call;

import io.verbund.acd.runtime.callcontrol.CallCommands;
import io.verbund.acd.runtime.callcontrol.ConferenceAsked;
import io.verbund.acd.runtime.callcontrol.ConsultationAsked;
import io.verbund.acd.runtime.callcontrol.HoldAsked;
import io.verbund.acd.runtime.callcontrol.SupervisionAsked;
import io.verbund.acd.runtime.callcontrol.TransferAsked;
import io.verbund.acd.runtime.concurrent.DeploymentExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Carries out the call commands asked for through the API on any node ({@link CallCommands}) for
 * the calls this node holds: hang-ups, blind transfers, holds and resumes, consultation steps,
 * supervision and conferences. Infinispan's notification thread only looks the call up; the command
 * runs on a managed thread with the deployment's class loader, under the call's monitor and log context, and is then marked done so the
 * other nodes stop looking. What each command does is its own class's: they get the call already
 * locked.
 */
@ApplicationScoped
public class CallControl {

    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    private ManagedExecutorService managed;
    /** The managed executor with the deployment's class loader: commands arrive on JGroups threads, whose loader is not. */
    private Executor executor;

    private final CallCommands commands;
    private final CallSessions sessions;
    private final InboundCalls calls;
    private final Transfers transfers;
    private final Holds holds;
    private final Consultations consultations;
    private final CallSupervision supervision;
    private final Conferences conferences;
    private final BiConsumer<String, String> onHangUp = this::hangUpAsked;
    private final Consumer<TransferAsked> onTransfer = this::transferAsked;
    private final Consumer<HoldAsked> onHold = this::holdAsked;
    private final Consumer<ConsultationAsked> onConsultation = this::consultationAsked;
    private final Consumer<SupervisionAsked> onSupervision = this::supervisionAsked;
    private final Consumer<ConferenceAsked> onConference = this::conferenceAsked;

    @Inject
    public CallControl(CallCommands commands, CallSessions sessions, InboundCalls calls, Transfers transfers, Holds holds,
                       Consultations consultations, CallSupervision supervision, Conferences conferences) {
        this.commands = commands;
        this.sessions = sessions;
        this.calls = calls;
        this.transfers = transfers;
        this.holds = holds;
        this.consultations = consultations;
        this.supervision = supervision;
        this.conferences = conferences;
    }

    /** For CDI's proxy only. */
    protected CallControl() {
        this(null, null, null, null, null, null, null, null);
    }

    void start(@Observes Startup startup) {
        executor = new DeploymentExecutor(managed);
        commands.watch(onHangUp);
        commands.watchTransfers(onTransfer);
        commands.watchHolds(onHold);
        commands.watchConsultations(onConsultation);
        commands.watchSupervision(onSupervision);
        commands.watchConferences(onConference);
    }

    @PreDestroy
    void stop() {
        commands.stopWatching(onHangUp);
        commands.stopWatchingTransfers(onTransfer);
        commands.stopWatchingHolds(onHold);
        commands.stopWatchingConsultations(onConsultation);
        commands.stopWatchingSupervision(onSupervision);
        commands.stopWatchingConferences(onConference);
    }

    private void transferAsked(TransferAsked asked) {
        carryOut(asked.callId(), call -> transfers.blind(call, asked), () -> commands.transferDone(asked.callId()));
    }

    private void holdAsked(HoldAsked asked) {
        carryOut(asked.callId(), call -> holds.carryOut(call, asked), () -> commands.holdDone(asked));
    }

    private void consultationAsked(ConsultationAsked asked) {
        carryOut(asked.callId(), call -> consultations.carryOut(call, asked), () -> commands.consultationDone(asked));
    }

    private void supervisionAsked(SupervisionAsked asked) {
        carryOut(asked.callId(), call -> supervision.carryOut(call, asked), () -> commands.supervisionDone(asked.callId()));
    }

    private void conferenceAsked(ConferenceAsked asked) {
        carryOut(asked.callId(), call -> conferences.carryOut(call, asked), () -> commands.conferenceDone(asked.callId()));
    }

    /** A command for one call: nothing when this node does not hold it, another node does. */
    private void carryOut(String callId, Consumer<AcdCall> command, Runnable done) {
        Optional<AcdCall> held = sessions.byCaller(callId);
        if (held.isEmpty()) {
            return;
        }
        AcdCall call = held.get();
        executor.execute(() -> {
            try (CallLogContext context = CallLogContext.of(call)) {
                synchronized (call) {
                    command.accept(call);
                    sessions.changed(call);
                }
            }
            done.run();
        });
    }

    private void hangUpAsked(String callId, String by) {
        if (sessions.byCaller(callId).isEmpty()) {
            return;
        }
        executor.execute(() -> {
            if (calls.endByRequest(callId, by)) {
                commands.done(callId);
            }
        });
    }
}
