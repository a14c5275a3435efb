package io.verbund.acd.telephony.registrar;

import io.verbund.acd.telephony.directory.PhoneAccount;
import io.verbund.acd.telephony.directory.TelephonyDirectory;
import io.verbund.acd.telephony.sip.SipEndpoint;
import io.verbund.acd.telephony.sip.SipResponses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import gov.nist.javax.sip.message.SIPMessage;
import io.verbund.acd.agent.SipCredentials;
import io.verbund.acd.runtime.security.LoginFailures;
import io.verbund.acd.runtime.security.TrustedProxies;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sip.ServerTransaction;
import gov.nist.javax.sip.header.ims.PathHeader;
import javax.sip.address.SipURI;
import javax.sip.header.HeaderAddress;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Accepts REGISTER from agent phones: challenges with digest, checks the answer against the agent's
 * SIP account and stores the binding with its expiry in the shared cache. Runs on a managed thread:
 * the account look-up may touch the database.
 * <p>
 * Against guessing and replay (docs/security.md, Registrar):
 * <ul>
 * <li>Every REGISTER that does not authenticate gets the same 401 with a fresh challenge, whether the
 *     user exists or not and whether the password was wrong or missing; a wrong answer costs the
 *     same digest work either way.</li>
 * <li>Wrong answers are counted per user name and per source address, cluster-wide ({@link RegisterFailures});
 *     over the limit, the name or address gets 403 with Retry-After for the lockout, whatever it
 *     sends. Settings: {@code verbund.telephony.register.max-failures-per-user} (default 10),
 *     {@code ...max-failures-per-source} (default 30), {@code ...failure-window-seconds} (default
 *     600), {@code ...lockout-seconds} (default 300). Requests from a proxy in
 *     {@code ...trusted-proxies} (comma-separated addresses, default none: Kamailio's address in a
 *     cluster) count for the address the proxy received them from (its Via {@code received}).</li>
 * <li>An accepted answer's nonce count must rise ({@link NonceUses}): a captured REGISTER sent again
 *     gets 401 with {@code stale=true}.</li>
 * </ul>
 * A REGISTER that reached us through a trusted proxy may carry {@code Path} (RFC 3327): the proxies
 * to send the phone's calls through, kept with the binding and echoed in the 200. A browser phone on
 * Kamailio's WebSocket is reachable only that way. Path from anyone else is ignored: it would let a
 * phone divert calls for its agent through any host.
 */
@ApplicationScoped
public class Registrar {

    private static final Logger LOG = Logger.getLogger(Registrar.class.getName());
    static final int MAX_EXPIRES = 3600;
    static final int DEFAULT_EXPIRES = 600;

    /** Checked when the user does not exist, so that a wrong answer costs the same either way. */
    private static final SipCredentials NOBODY = new SipCredentials("nobody", SipCredentials.DEFAULT_REALM, "0".repeat(32));

    private final SipEndpoint sip;
    private final TelephonyDirectory directory;
    private final Registrations registrations;
    private final SipResponses responses;
    private final DigestChallenge digest = new DigestChallenge();
    private final NonceUses nonces = new NonceUses(DigestChallenge.NONCE_LIFETIME);
    private final RegisterFailures failures;
    private final TrustedProxies trustedProxies;
    private final Clock clock;

    @Inject
    public Registrar(SipEndpoint sip, TelephonyDirectory directory, Registrations registrations, SipResponses responses, Clock clock,
                     LoginFailures failureStore,
                     @ConfigProperty(name = "verbund.telephony.register.max-failures-per-user", defaultValue = "10") int perUser,
                     @ConfigProperty(name = "verbund.telephony.register.max-failures-per-source", defaultValue = "30") int perSource,
                     @ConfigProperty(name = "verbund.telephony.register.failure-window-seconds", defaultValue = "600") long windowSeconds,
                     @ConfigProperty(name = "verbund.telephony.register.lockout-seconds", defaultValue = "300") long lockoutSeconds,
                     @ConfigProperty(name = "verbund.telephony.register.trusted-proxies") Optional<String> trustedProxies) {
        this.sip = sip;
        this.directory = directory;
        this.registrations = registrations;
        this.responses = responses;
        this.clock = clock;
        this.failures = new RegisterFailures(new RegisterFailures.Limits(perUser, perSource, Duration.ofSeconds(windowSeconds),
                Duration.ofSeconds(lockoutSeconds)), failureStore);
        // The same list format as the HTTP side's (addresses or CIDR ranges, never host names).
        this.trustedProxies = TrustedProxies.parse(trustedProxies.orElse(""));
    }

    protected Registrar() {
        this(null, null, null, null, null, null, 10, 30, 600, 300, Optional.empty());
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
        String source = sourceOf(request);
        Optional<Duration> locked = failures.lockedOut(user, source, now);
        if (locked.isPresent()) {
            refuse(transaction, locked.get());
            return;
        }
        AuthorizationHeader authorization = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
        // Unknown users are challenged like known ones (the answer must not tell which exist).
        if (authorization == null || !isDigestOf(authorization, user)) {
            challenge(transaction, false, now);
            return;
        }
        if (!digest.isFresh(authorization.getNonce(), now)) {
            challenge(transaction, true, now);
            return;
        }
        Optional<PhoneAccount> account = directory.phone(user);
        String expected = DigestChallenge.expectedResponse(account.map(PhoneAccount::credentials).orElse(NOBODY), request.getMethod(),
                authorization.getURI().toString(), authorization.getNonce(), authorization.getQop(),
                nonceCount(authorization), authorization.getCNonce());
        if (account.isEmpty() || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                authorization.getResponse().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            failures.failed(user, source, now);
            LOG.warning(() -> "REGISTER for " + user + " from " + source + " with a wrong digest response");
            challenge(transaction, false, now);
            return;
        }
        if (!nonces.firstUse(authorization.getNonce(), authorization.getNonceCount(), now)) {
            LOG.warning(() -> "REGISTER for " + user + " from " + source + " replayed an answer already used (nonce count "
                    + authorization.getNonceCount() + ")");
            challenge(transaction, true, now);
            return;
        }
        bind(transaction, account.get(), user, pathOf(request), now);
    }

    /** The Path of a REGISTER from a trusted proxy, outermost first; empty from anyone else. */
    private List<String> pathOf(Request request) {
        ListIterator<?> headers = request.getHeaders(PathHeader.NAME);
        if (!headers.hasNext()) {
            return List.of();
        }
        InetAddress peer = request instanceof SIPMessage message ? message.getRemoteAddress() : null;
        if (peer == null || !trustedProxies.trusts(peer.getHostAddress())) {
            LOG.warning(() -> "REGISTER with Path from " + (peer == null ? "?" : peer.getHostAddress())
                    + ", which is not a trusted proxy: the Path is ignored");
            return List.of();
        }
        List<String> path = new ArrayList<>();
        headers.forEachRemaining(header -> path.add(((HeaderAddress) header).getAddress().getURI().toString()));
        return path;
    }

    /**
     * The address the REGISTER came from: the packet's source, or, from a trusted proxy, the address
     * the proxy received it from (the Via below its own, {@code received} or else its host).
     */
    private String sourceOf(Request request) {
        InetAddress peer = request instanceof SIPMessage message ? message.getRemoteAddress() : null;
        String address = peer == null ? null : peer.getHostAddress();
        if (address == null || !trustedProxies.trusts(address)) {
            return address;
        }
        ListIterator<?> vias = request.getHeaders(ViaHeader.NAME);
        if (vias.hasNext()) {
            vias.next();
        }
        if (vias.hasNext()) {
            ViaHeader client = (ViaHeader) vias.next();
            return client.getReceived() != null ? client.getReceived() : client.getHost();
        }
        return address;
    }

    private void refuse(ServerTransaction transaction, Duration remaining) {
        try {
            Response forbidden = sip.messages().createResponse(Response.FORBIDDEN, transaction.getRequest());
            forbidden.setReasonPhrase("Too many failed attempts");
            forbidden.addHeader(sip.headers().createRetryAfterHeader((int) Math.max(1, remaining.toSeconds() + 1)));
            transaction.sendResponse(forbidden);
        } catch (java.text.ParseException | javax.sip.SipException | javax.sip.InvalidArgumentException e) {
            responses.send(transaction, Response.SERVER_INTERNAL_ERROR, "cannot answer");
        }
    }

    private void bind(ServerTransaction transaction, PhoneAccount account, String user, List<String> path, Instant now) {
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
                registrations.bind(user, new Binding(account.agent(), uri, path, now.plusSeconds(expires)), expires);
                addContact(ok, uri, expires);
                for (String hop : path) {
                    // Echoed so the phone learns the path it is reached through (RFC 3327 5.3).
                    ok.addHeader(sip.headers().createHeader(PathHeader.NAME, "<" + hop + ">"));
                }
                LOG.info(() -> "agent phone " + account.agent() + " registered at " + uri + (path.isEmpty() ? "" : " through " + path)
                        + " for " + expires + " s");
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
