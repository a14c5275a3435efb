package io.verbund.acd.telephony.sip;

import io.verbund.acd.telephony.call.AgentLegs;
import io.verbund.acd.telephony.call.InboundCalls;
import io.verbund.acd.telephony.media.SipInfoDtmf;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import io.verbund.acd.telephony.call.SipLegEvents;
import io.verbund.acd.telephony.call.StrandedCallers;
import io.verbund.acd.telephony.registrar.Registrar;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.ServerTransactionExt;
import gov.nist.javax.sip.SipListenerExt;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The SIP stack's listener: an adapter that turns SIP into commands and returns. It takes no
 * decisions and does no database work on a stack thread: INVITE is answered with 100/180 here and
 * routed elsewhere; REGISTER goes to a managed thread. BYE, INFO and re-INVITE count only inside a
 * dialog the stack matched by Call-ID and both tags, CANCEL only for the INVITE it names; else 481.
 * What no handler takes is refused first ({@link RequestScreening}).
 */
@ApplicationScoped
public class SipAdapter implements SipListenerExt {

    private static final Logger LOG = Logger.getLogger(SipAdapter.class.getName());

    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    private ManagedExecutorService executor;

    private final SipEndpoint sip;
    private final SipResponses responses;
    private final InboundCalls inbound;
    private final SipLegEvents legs;
    private final Registrar registrar;
    private final StrandedCallers stranded;

    @Inject
    public SipAdapter(SipEndpoint sip, SipResponses responses, InboundCalls inbound, SipLegEvents legs, Registrar registrar,
                      StrandedCallers stranded) {
        this.sip = sip;
        this.responses = responses;
        this.inbound = inbound;
        this.legs = legs;
        this.registrar = registrar;
        this.stranded = stranded;
    }

    protected SipAdapter() {
        this(null, null, null, null, null, null);
    }

    @Override
    public void processRequest(RequestEvent event) {
        try {
            handle(event);
        } catch (RuntimeException | Error e) {
            // The stack swallows what a listener throws; say it here.
            LOG.log(Level.SEVERE, "SIP request not handled: " + e, e);
        }
    }

    private void handle(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        if (Request.ACK.equals(method)) {
            return;
        }
        Optional<String> version = UnsupportedVersionParsing.unsupportedVersion(request);
        if (version.isPresent()) {
            responses.sendStateless(request, Response.VERSION_NOT_SUPPORTED, "SIP/2.0 only, not " + version.get());
            return;
        }
        if (MissingCallIdParsing.arrivedWithoutCallId(request)) {
            responses.sendStateless(request, Response.BAD_REQUEST, "missing Call-ID header");
            return;
        }
        ServerTransaction transaction = serverTransaction(event);
        if (transaction == null) {
            return;
        }
        Optional<RequestScreening.Refusal> refusal = RequestScreening.refusal(request);
        if (refusal.isPresent()) {
            responses.refuse(transaction, refusal.get());
            return;
        }
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        try {
            switch (method) {
                case Request.INVITE -> inbound.onInvite(transaction, event.getDialog());
                case Request.CANCEL -> onCancel(transaction, request);
                case Request.BYE -> onBye(transaction, callId, event.getDialog());
                case Request.REGISTER -> executor.execute(() -> register(transaction));
                case Request.OPTIONS -> responses.send(transaction, Response.OK, null);
                case Request.INFO -> onInfo(transaction, request, callId, event.getDialog());
                default -> throw new IllegalStateException(method + " passed the screening but has no handler");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, method + " " + callId + " failed: " + e.getMessage(), e);
            responses.send(transaction, Response.SERVER_INTERNAL_ERROR, "internal error");
        }
    }

    /** On a managed thread, where nobody would see an exception and the phone would hear nothing. */
    private void register(ServerTransaction transaction) {
        try {
            registrar.register(transaction);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "REGISTER failed: " + e.getMessage(), e);
            responses.send(transaction, Response.SERVER_INTERNAL_ERROR, "internal error");
        }
    }

    /**
     * CANCEL: the stack paired it with a pending INVITE transaction by its Via branch; it is taken
     * only when Call-ID, From tag and CSeq number are that INVITE's too (RFC 3261 9.2), else 481 and
     * the call goes on. A CANCEL of an INVITE already answered finally gets its 200 and changes nothing.
     */
    private void onCancel(ServerTransaction transaction, Request cancel) {
        ServerTransaction invite = transaction instanceof ServerTransactionExt ext ? ext.getCanceledInviteTransaction() : null;
        if (invite == null || !InviteCancellation.cancels(cancel, invite.getRequest())) {
            responses.send(transaction, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "no pending INVITE matches this CANCEL");
            return;
        }
        responses.send(transaction, Response.OK, null);
        executor.execute(() -> inbound.onCancel(invite));
    }

    /**
     * BYE: {@code dialog} is the one the stack found by the request's full dialog id (Call-ID, To tag
     * and From tag, each on its side); without one the BYE names no dialog of this node (a Call-ID
     * alone is no proof: agents, supervisors, API tokens and webhooks see it) and gets 481, unless it
     * is the hang-up of a caller whose node is gone ({@link StrandedCallers}, by the same tags).
     */
    private void onBye(ServerTransaction transaction, String callId, Dialog dialog) {
        if (dialog == null) {
            executor.execute(() -> onByeOutsideDialog(transaction));
            return;
        }
        // 200 only once the call's end is in the journal (onBye appends it before it returns): a
        // node killed right after its 200 has not lost the end of a call the phone saw end.
        executor.execute(() -> {
            try {
                inbound.onBye(callId, dialog);
            } finally {
                responses.send(transaction, Response.OK, null);
            }
        });
    }

    private void onByeOutsideDialog(ServerTransaction transaction) {
        try {
            if (stranded.hungUp(transaction.getRequest())) {
                responses.send(transaction, Response.OK, null);
                return;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "BYE outside any dialog here not handled: " + e.getMessage(), e);
        }
        outsideAnyDialog(transaction, null);
    }

    /** Answers 481 when the stack matched the request to no dialog (RFC 3261 12.2.2), before anything else is looked at. */
    private boolean outsideAnyDialog(ServerTransaction transaction, Dialog dialog) {
        if (dialog == null) {
            responses.send(transaction, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "no dialog with this Call-ID and these tags here");
            return true;
        }
        return false;
    }

    /** SIP INFO: a key the caller pressed, from phones that do not send RFC 4733 events; only inside the caller's dialog. */
    private void onInfo(ServerTransaction transaction, Request request, String callId, Dialog dialog) {
        if (outsideAnyDialog(transaction, dialog)) {
            return;
        }
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        byte[] body = request.getRawContent();
        Optional<Character> key = SipInfoDtmf.parse(type == null ? null : type.getContentType() + "/" + type.getContentSubType(),
                body == null ? "" : new String(body, StandardCharsets.UTF_8));
        if (key.isEmpty()) {
            responses.send(transaction, Response.UNSUPPORTED_MEDIA_TYPE,
                    "INFO is taken for DTMF only: application/dtmf-relay (Signal=5) or application/dtmf");
        } else if (inbound.onInfoDigit(callId, dialog, key.get())) {
            responses.send(transaction, Response.OK, null);
        } else {
            responses.send(transaction, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "no caller's dialog with this Call-ID and these tags here");
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        executor.execute(() -> legs.onResponse(event));
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (!event.isServerTransaction() && event.getClientTransaction() != null) {
            executor.execute(() -> legs.onTimeout(event.getClientTransaction()));
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.fine(() -> "SIP I/O problem towards " + event.getHost() + ":" + event.getPort());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // Nothing to clean: calls end on BYE, CANCEL or a final response.
    }

    /**
     * The stack retransmitted a 200 for 64·T1 and no ACK came (RFC 3261 13.3.1.4): the caller's
     * dialog is dead and the call path ends both legs. (A listener that is no {@link SipListenerExt}
     * would only have the dialog deleted, silently, and the agent would stay on the call.)
     */
    @Override
    public void processDialogTimeout(DialogTimeoutEvent event) {
        if (event.getReason() == DialogTimeoutEvent.Reason.AckNotReceived && event.getDialog() != null
                && event.getDialog().getCallId() != null) {
            String callId = event.getDialog().getCallId().getCallId();
            executor.execute(() -> inbound.onAckTimeout(callId));
        }
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // Dialog ends are driven by BYE handling in the call path.
    }

    private ServerTransaction serverTransaction(RequestEvent event) {
        if (event.getServerTransaction() != null) {
            return event.getServerTransaction();
        }
        try {
            return sip.provider().getNewServerTransaction(event.getRequest());
        } catch (TransactionAlreadyExistsException e) {
            return null;
        } catch (javax.sip.TransactionUnavailableException e) {
            LOG.fine("no transaction for " + event.getRequest().getMethod() + ": " + e.getMessage());
            if (e.getCause() instanceof java.text.ParseException) {
                // The stack's checks of the request, e.g. "Missing a required header : Contact".
                responses.sendStateless(event.getRequest(), Response.BAD_REQUEST, e.getMessage());
            } else {
                responses.sendStateless(event.getRequest(), Response.SERVER_INTERNAL_ERROR, "no transaction available");
            }
            return null;
        }
    }
}
