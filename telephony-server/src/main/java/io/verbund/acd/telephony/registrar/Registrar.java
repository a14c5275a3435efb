package io.verbund.acd.telephony.registrar;

import io.verbund.acd.telephony.directory.PhoneAccount;
import io.verbund.acd.telephony.directory.TelephonyDirectory;
import io.verbund.acd.telephony.sip.SipEndpoint;
import io.verbund.acd.telephony.sip.SipResponses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Accepts REGISTER from agent phones: challenges with digest, checks the answer against the agent's
 * SIP account and stores the binding with its expiry in the shared cache. Runs on a managed thread:
 * the account look-up may touch the database.
 */
@ApplicationScoped
public class Registrar {

    private static final Logger LOG = Logger.getLogger(Registrar.class.getName());
    static final int MAX_EXPIRES = 3600;
    static final int DEFAULT_EXPIRES = 600;

    private final SipEndpoint sip;
    private final TelephonyDirectory directory;
    private final Registrations registrations;
    private final SipResponses responses;
    private final DigestChallenge digest = new DigestChallenge();
    private final Clock clock;

    @Inject
    public Registrar(SipEndpoint sip, TelephonyDirectory directory, Registrations registrations, SipResponses responses, Clock clock) {
        this.sip = sip;
        this.directory = directory;
        this.registrations = registrations;
        this.responses = responses;
        this.clock = clock;
    }

    protected Registrar() {
        this(null, null, null, null, null);
    }

    public void register(ServerTransaction transaction) {
        Request request = transaction.getRequest();
        Instant now = clock.instant();
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        if (!(to.getAddress().getURI() instanceof SipURI aor) || aor.getUser() == null) {
            responses.send(transaction, Response.BAD_REQUEST, "To must be a sip: URI with a user part");
            return;
        }
        String user = aor.getUser();
        AuthorizationHeader authorization = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
        Optional<PhoneAccount> account = directory.phone(user);
        if (authorization == null || account.isEmpty() || !isDigestOf(authorization, user)) {
            challenge(transaction, false, now);
            return;
        }
        if (!digest.isFresh(authorization.getNonce(), now)) {
            challenge(transaction, true, now);
            return;
        }
        String expected = DigestChallenge.expectedResponse(account.get().credentials(), request.getMethod(),
                authorization.getURI().toString(), authorization.getNonce(), authorization.getQop(),
                nonceCount(authorization), authorization.getCNonce());
        if (!expected.equalsIgnoreCase(authorization.getResponse())) {
            LOG.warning(() -> "REGISTER for " + user + " with a wrong digest response");
            responses.send(transaction, Response.FORBIDDEN, "wrong credentials");
            return;
        }
        bind(transaction, account.get(), user, now);
    }

    private void bind(ServerTransaction transaction, PhoneAccount account, String user, Instant now) {
        Request request = transaction.getRequest();
        ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
        ExpiresHeader expiresHeader = request.getExpires();
        int requested = contact != null && contact.getExpires() >= 0 ? contact.getExpires()
                : expiresHeader != null ? expiresHeader.getExpires() : DEFAULT_EXPIRES;
        int expires = Math.min(requested, MAX_EXPIRES);
        try {
            Response ok = sip.messages().createResponse(Response.OK, request);
            if (contact == null) {
                registrations.active(user, now).ifPresent(binding -> addContact(ok, binding.contact(),
                        (int) java.time.Duration.between(now, binding.expires()).toSeconds()));
            } else if (contact.isWildCard() || expires == 0) {
                registrations.unbind(user);
                LOG.info(() -> "agent phone " + account.agent() + " unregistered");
            } else {
                String uri = contact.getAddress().getURI().toString();
                registrations.bind(user, new Binding(account.agent(), uri, now.plusSeconds(expires)), expires);
                addContact(ok, uri, expires);
                LOG.info(() -> "agent phone " + account.agent() + " registered at " + uri + " for " + expires + " s");
            }
            transaction.sendResponse(ok);
        } catch (java.text.ParseException | javax.sip.SipException | javax.sip.InvalidArgumentException e) {
            responses.send(transaction, Response.SERVER_INTERNAL_ERROR, "registration failed");
        }
    }

    private void addContact(Response response, String uri, int expires) {
        try {
            ContactHeader contact = sip.headers().createContactHeader(sip.addresses().createAddress(uri));
            contact.setExpires(Math.max(expires, 0));
            response.addHeader(contact);
        } catch (java.text.ParseException | javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException("stored contact is not a URI: " + uri, e);
        }
    }

    private void challenge(ServerTransaction transaction, boolean stale, Instant now) {
        try {
            Response unauthorized = sip.messages().createResponse(Response.UNAUTHORIZED, transaction.getRequest());
            WWWAuthenticateHeader header = sip.headers().createWWWAuthenticateHeader("Digest");
            header.setRealm(io.verbund.acd.agent.SipCredentials.DEFAULT_REALM);
            header.setNonce(digest.newNonce(now));
            header.setAlgorithm("MD5");
            header.setQop("auth");
            if (stale) {
                header.setStale(true);
            }
            unauthorized.addHeader(header);
            transaction.sendResponse(unauthorized);
        } catch (java.text.ParseException | javax.sip.SipException | javax.sip.InvalidArgumentException e) {
            responses.send(transaction, Response.SERVER_INTERNAL_ERROR, "cannot challenge");
        }
    }

    /**
     * Digest credentials of this user with what the check needs. Another scheme (RFC 4475 3.3.7) or
     * a Digest without username, nonce, uri or response gets a new challenge; these nulls once
     * ended the REGISTER in an exception on a managed thread, and the phone heard nothing.
     */
    private static boolean isDigestOf(AuthorizationHeader authorization, String user) {
        return "Digest".equalsIgnoreCase(authorization.getScheme()) && user.equals(authorization.getUsername())
                && authorization.getNonce() != null && authorization.getURI() != null && authorization.getResponse() != null;
    }

    private static String nonceCount(AuthorizationHeader authorization) {
        int count = authorization.getNonceCount();
        return count < 0 ? null : String.format("%08x", count);
    }
}
