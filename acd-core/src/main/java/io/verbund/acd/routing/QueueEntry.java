package io.verbund.acd.routing;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.skill.SkillCondition;
import io.verbund.acd.tenant.TenantKey;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A caller waiting in an ACD group's queue. Lives in the shared cache, so the order holds across
 * nodes: higher priority first, then whoever entered earlier. {@code enteredAt} survives a no-answer,
 * so a re-queued caller keeps its place.
 *
 * @param node           the telephony node holding the caller's dialog
 * @param callConditions skills the call itself needs (the call flow or an HTTP lookup set them), on
 *                       top of the group's minimum
 * @param lastAgent      the agent this caller last talked to, who gets the first try until
 *                       {@code lastAgentUntil} (last-agent preference); empty when none
 */
public record QueueEntry(String callId, TenantKey tenant, long groupId, int priority, Instant enteredAt, String node,
                         List<SkillCondition> callConditions, Optional<AgentKey> lastAgent, Optional<Instant> lastAgentUntil) {

    public QueueEntry {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(enteredAt, "enteredAt");
        Objects.requireNonNull(node, "node");
        callConditions = List.copyOf(callConditions);
        Objects.requireNonNull(lastAgent, "lastAgent");
        Objects.requireNonNull(lastAgentUntil, "lastAgentUntil");
        if (callId.indexOf('|') >= 0 || node.indexOf('|') >= 0) {
            throw new IllegalArgumentException("'|' is not allowed in a call id or node name");
        }
        if (lastAgent.isPresent() != lastAgentUntil.isPresent()) {
            throw new IllegalArgumentException("a last agent needs the time its first try ends, and only then");
        }
    }

    /** A caller with no skills of its own and no last agent. */
    public QueueEntry(String callId, TenantKey tenant, long groupId, int priority, Instant enteredAt, String node) {
        this(callId, tenant, groupId, priority, enteredAt, node, List.of(), Optional.empty(), Optional.empty());
    }

    /** This caller, its first try reserved for {@code agent} until {@code until}. */
    public QueueEntry preferring(AgentKey agent, Instant until) {
        return new QueueEntry(callId, tenant, groupId, priority, enteredAt, node, callConditions, Optional.of(agent), Optional.of(until));
    }

    /** This caller, needing these skills of its own. */
    public QueueEntry needing(List<SkillCondition> conditions) {
        return new QueueEntry(callId, tenant, groupId, priority, enteredAt, node, conditions, lastAgent, lastAgentUntil);
    }

    /** Whether only the last agent may take the call at {@code now}. */
    public boolean waitsForLastAgent(Instant now) {
        return lastAgentUntil.filter(now::isBefore).isPresent();
    }

    /**
     * Encoded for the shared cache as a plain string:
     * {@code v2|callId|tenant|group|priority|enteredAt|node|conditions|lastAgent|lastAgentUntil}, the
     * conditions as {@code skill>=level} joined by {@code ,} (the skill's name URL-encoded, so no name
     * breaks the format), the rest empty when absent.
     */
    public String encode() {
        List<String> conditions = new ArrayList<>();
        callConditions.forEach(condition -> conditions.add(URLEncoder.encode(condition.skill().value(), StandardCharsets.UTF_8)
                + ">=" + condition.atLeast()));
        return String.join("|", "v2", callId, tenant.value(), Long.toString(groupId), Integer.toString(priority),
                Long.toString(enteredAt.toEpochMilli()), node, String.join(",", conditions),
                lastAgent.map(AgentKey::toString).orElse(""), lastAgentUntil.map(until -> Long.toString(until.toEpochMilli())).orElse(""));
    }

    /** Reads {@code v2} and the older {@code v1} (no conditions, no last agent) that nodes of the previous build still write. */
    public static QueueEntry decode(String text) {
        String[] field = text.split("\\|", -1);
        boolean v1 = field.length == 7 && "v1".equals(field[0]);
        boolean v2 = field.length == 10 && "v2".equals(field[0]);
        if (!v1 && !v2) {
            throw new IllegalArgumentException("not an encoded queue entry: " + text);
        }
        QueueEntry entry = new QueueEntry(field[1], new TenantKey(field[2]), Long.parseLong(field[3]), Integer.parseInt(field[4]),
                Instant.ofEpochMilli(Long.parseLong(field[5])), field[6]);
        if (v1) {
            return entry;
        }
        if (!field[7].isEmpty()) {
            List<SkillCondition> conditions = new ArrayList<>();
            for (String condition : field[7].split(",")) {
                String[] parts = condition.split(">=", 2);
                conditions.add(SkillCondition.of(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), Integer.parseInt(parts[1])));
            }
            entry = entry.needing(conditions);
        }
        if (!field[8].isEmpty()) {
            entry = entry.preferring(AgentKey.parse(field[8]), Instant.ofEpochMilli(Long.parseLong(field[9])));
        }
        return entry;
    }
}
