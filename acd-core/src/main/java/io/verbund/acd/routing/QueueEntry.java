package io.verbund.acd.routing;

import io.verbund.acd.tenant.TenantKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A caller waiting in an ACD group's queue. Lives in the shared cache, so the order holds across
 * nodes: higher priority first, then whoever entered earlier. {@code enteredAt} survives a no-answer,
 * so a re-queued caller keeps its place.
 *
 * @param node the telephony node holding the caller's dialog
 */
public record QueueEntry(String callId, TenantKey tenant, long groupId, int priority, Instant enteredAt, String node) {

    public QueueEntry {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(enteredAt, "enteredAt");
        Objects.requireNonNull(node, "node");
        if (callId.indexOf('|') >= 0 || node.indexOf('|') >= 0) {
            throw new IllegalArgumentException("'|' is not allowed in a call id or node name");
        }
    }

    /** Encoded for the shared cache as a plain string: {@code v1|callId|tenant|group|priority|enteredAt|node}. */
    public String encode() {
        return String.join("|", "v1", callId, tenant.value(), Long.toString(groupId), Integer.toString(priority),
                Long.toString(enteredAt.toEpochMilli()), node);
    }

    public static QueueEntry decode(String text) {
        String[] field = text.split("\\|", -1);
        if (field.length != 7 || !"v1".equals(field[0])) {
            throw new IllegalArgumentException("not an encoded queue entry: " + text);
        }
        return new QueueEntry(field[1], new TenantKey(field[2]), Long.parseLong(field[3]), Integer.parseInt(field[4]),
                Instant.ofEpochMilli(Long.parseLong(field[5])), field[6]);
    }
}
