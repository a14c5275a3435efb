package io.verbund.acd.telephony;

import io.verbund.acd.runtime.agent.JdbcAgentEvents;
import io.verbund.acd.telephony.call.AgentLegs;
import io.verbund.acd.telephony.call.CallFlows;
import io.verbund.acd.telephony.call.CallRecordings;
import io.verbund.acd.telephony.call.CallDistribution;
import io.verbund.acd.telephony.call.DepartedNodeCalls;
import io.verbund.acd.telephony.call.LeaseWatch;
import io.verbund.acd.telephony.call.InboundCalls;
import io.verbund.acd.telephony.call.QueueAnnouncements;
import io.verbund.acd.telephony.call.SipLegEvents;
import io.verbund.acd.telephony.call.Voicemails;
import io.verbund.acd.telephony.call.Transfers;
import io.verbund.acd.telephony.media.NodeMedia;
import io.verbund.acd.telephony.registrar.Registrar;
import io.verbund.acd.telephony.record.CallRecorder;
import io.verbund.acd.telephony.sip.SipAdapter;
import io.verbund.acd.telephony.sip.SipEndpoint;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings the telephony node up with the deployment: the call recorder, the media engine, the SIP
 * endpoint, the distribution and lease threads, and the once-a-second tick that notices nodes that
 * left the cluster.
 */
@ApplicationScoped
public class TelephonyNode {

    private static final Logger LOG = Logger.getLogger(TelephonyNode.class.getName());
    private static final long TICK_MILLIS = 1000;

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    private ManagedScheduledExecutorService scheduler;

    private final SipEndpoint sip;
    private final SipAdapter adapter;
    private final CallRecorder recorder;
    private final JdbcAgentEvents agentEvents;
    private final CallDistribution distribution;
    private final LeaseWatch leases;
    private final DepartedNodeCalls departedNodeCalls;
    private final NodeMedia media;
    private final List<Object> callPath;
    private ScheduledFuture<?> tick;

    @Inject
    public TelephonyNode(SipEndpoint sip, SipAdapter adapter, CallRecorder recorder, CallDistribution distribution,
                         InboundCalls inbound, AgentLegs agentLegs, SipLegEvents legEvents, Registrar registrar,
                         DepartedNodeCalls departedNodeCalls, NodeMedia media, CallFlows flows,
                         QueueAnnouncements announcements, Voicemails voicemails, CallRecordings recordings, Transfers transfers,
                         LeaseWatch leases, JdbcAgentEvents agentEvents) {
        this.agentEvents = agentEvents;
        this.media = media;
        this.departedNodeCalls = departedNodeCalls;
        this.sip = sip;
        this.adapter = adapter;
        this.recorder = recorder;
        this.distribution = distribution;
        this.leases = leases;
        this.callPath = Arrays.asList(adapter, distribution, leases, inbound, agentLegs, legEvents, registrar, departedNodeCalls, flows,
                announcements, voicemails, recordings, transfers);
    }

    protected TelephonyNode() {
        this(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    void onStartup(@Observes Startup event) {
        // Create the call path's beans here, on a deployment thread: created lazily on a SIP stack
        // thread, their resource injection would find no naming context.
        callPath.forEach(Object::toString);
        recorder.start();
        agentEvents.start();
        media.start();
        sip.start(adapter);
        distribution.start();
        leases.start();
        tick = scheduler.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            departedNodeCalls.sweep(Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sweep of departed nodes failed: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void stop() {
        if (tick != null) {
            tick.cancel(false);
        }
    }
}
