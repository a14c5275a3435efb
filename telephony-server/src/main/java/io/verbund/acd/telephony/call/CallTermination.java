package io.verbund.acd.telephony.call;

import io.verbund.acd.runtime.callcontrol.CallCommands;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import io.verbund.acd.runtime.callcontrol.ConsultationAsked;
import io.verbund.acd.runtime.callcontrol.HoldAsked;
import io.verbund.acd.runtime.callcontrol.TransferAsked;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Carries out the hang-ups, transfers, consultations, holds and resumes asked for through the API ({@link CallCommands}) for the
 * calls this node holds: off Infinispan's notification thread, on a managed one, then marks the
 * command done so the other nodes stop looking.
 */
@ApplicationScoped
public class CallTermination {

    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    private ManagedExecutorService executor;

    private final CallCommands commands;
    private final CallSessions sessions;
    private final InboundCalls calls;
    private final Transfers transfers;
    private final Holds holds;
    private final Consultations consultations;
    private final BiConsumer<String, String> onHangUp = this::asked;
    private final Consumer<TransferAsked> onTransfer = this::transferAsked;
    private final Consumer<HoldAsked> onHold = this::holdAsked;
    private final Consumer<ConsultationAsked> onConsultation = this::consultationAsked;

    @Inject
    public CallTermination(CallCommands commands, CallSessions sessions, InboundCalls calls, Transfers transfers, Holds holds,
                           Consultations consultations) {
        this.holds = holds;
        this.consultations = consultations;
        this.commands = commands;
        this.sessions = sessions;
        this.calls = calls;
        this.transfers = transfers;
    }

    /** For CDI's proxy only. */
    protected CallTermination() {
        this(null, null, null, null, null, null);
    }

    void start(@Observes Startup startup) {
        commands.watch(onHangUp);
        commands.watchTransfers(onTransfer);
        commands.watchHolds(onHold);
        commands.watchConsultations(onConsultation);
    }

    @PreDestroy
    void stop() {
        commands.stopWatching(onHangUp);
        commands.stopWatchingTransfers(onTransfer);
        commands.stopWatchingHolds(onHold);
        commands.stopWatchingConsultations(onConsultation);
    }

    private void consultationAsked(ConsultationAsked asked) {
        if (sessions.byCaller(asked.callId()).isEmpty()) {
            return;
        }
        executor.execute(() -> {
            if (consultations.asked(asked)) {
                commands.consultationDone(asked);
            }
        });
    }

    private void holdAsked(HoldAsked asked) {
        if (sessions.byCaller(asked.callId()).isEmpty()) {
            return;
        }
        executor.execute(() -> {
            if (holds.asked(asked)) {
                commands.holdDone(asked);
            }
        });
    }

    private void transferAsked(TransferAsked asked) {
        if (sessions.byCaller(asked.callId()).isEmpty()) {
            return;
        }
        executor.execute(() -> {
            if (transfers.blind(asked)) {
                commands.transferDone(asked.callId());
            }
        });
    }

    private void asked(String callId, String by) {
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
