package io.verbund.acd.runtime.audit;

import io.verbund.acd.runtime.security.LoginLockedOut;
import io.verbund.acd.runtime.security.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.util.logging.Logger;

/**
 * Writes an account's lockout ({@link LoginLockedOut}, for one address or for the addresses the
 * account is not used from: {@code scope} in the summary) into the audit log of the account's
 * tenant, so its admins see password guessing against their users. A lockout of a client address, or of a
 * login nobody has, belongs to no tenant: it is only logged (by the throttle), never audited, since
 * naming an unknown login in some tenant's log would tell which logins exist.
 */
@ApplicationScoped
public class LockoutAudit {

    private static final Logger LOG = Logger.getLogger(LockoutAudit.class.getName());

    private final AuditLog log;
    private final UserDirectory users;

    @Inject
    public LockoutAudit(AuditLog log, UserDirectory users) {
        this.log = log;
        this.users = users;
    }

    /** For CDI's proxy only. */
    protected LockoutAudit() {
        this.log = null;
        this.users = null;
    }

    void lockedOut(@Observes LoginLockedOut lockout) {
        if (!lockout.kind().ofAccount()) {
            return;
        }
        try {
            users.find(lockout.subject()).filter(user -> user.caller().tenantId() != null).ifPresent(user -> log.record(new AuditEntry(user.caller().tenantId(),
                    AuditActor.system("login-throttle"), log.clock().instant(), lockout.source(), "login",
                    user.caller().login(), AuditAction.SECURITY, Json.createObjectBuilder()
                            .add("lockedOut", true).add("failures", lockout.failures())
                            .add("scope", lockout.kind() == LoginLockedOut.Kind.ACCOUNT ? "unknown-addresses" : "this-address")
                            .add("until", lockout.until().toString()).build().toString())));
        } catch (RuntimeException e) {
            // The lockout itself stands (the throttle enforces it); only its audit entry is missing.
            LOG.warning(() -> "event=audit-failed kind=login-locked-out subject=" + lockout.subject() + " cause=" + e);
        }
    }
}
