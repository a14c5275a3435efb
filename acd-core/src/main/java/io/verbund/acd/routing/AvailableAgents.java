package io.verbund.acd.routing;

import io.verbund.acd.agent.AgentKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The agents still free during one distribution pass, handed out best first by the order of each
 * caller's turn (a random order differs from caller to caller). A pass usually serves one or two
 * callers from a group of hundreds of agents, so each pick is a linear scan for the best rather
 * than a sort of the whole group per caller.
 *
 * <p>The distributor looks at the free agents once per turn ({@link #lookFor}): that one scan finds
 * why each agent is excluded and the best few eligible in order, which is all that picking the
 * agent and writing the decision record need. What a look found is kept beside the list, in step
 * with it as agents are taken, so the next caller's look reads what still holds for it: the skill
 * verdicts when it needs the same skills, and the ranking when its strategy orders it alike. Only
 * when callers keep coming that rank alike does a look sort all the eligible agents, once.
 */
public final class AvailableAgents {

    /** The agent taken and the ones a decision record names as ranked lower: what a first look keeps in order. */
    private static final int SHORTLIST = RoutingDecision.LISTED + 1;

    private final List<Candidate> free;

    /** Why the free agent at the same index is excluded from the turn looked at; null when eligible. */
    private Exclusion[] excluded = new Exclusion[0];
    /**
     * What the agent at the same index lacks in skills for the turn looked at; null when nothing.
     * Kept for the next turn if it checks skills alike ({@code skillsLookedAt}), so that look reads
     * instead of checking again; null when the list changed in a way these no longer follow.
     */
    private Exclusion[] lacking = new Exclusion[0];
    private Turn skillsLookedAt;
    /** Members per reason the look excluded, by {@link Exclusion#ordinal()}. */
    private final int[] excludedCounts = new int[Exclusion.values().length];
    /**
     * The best eligible agents still free, best first from {@code rankedFrom}: every eligible one
     * ranked lower than these is ranked lower than all of them. Kept for the next turn when its
     * strategy orders it as {@code rankedFor}, and both have the same agents eligible.
     */
    private Candidate[] ranked = new Candidate[SHORTLIST];
    private int rankedFrom;
    private int rankedTo;
    private Turn rankedFor;
    /** Eligible agents of the look still free. */
    private int eligible;
    private Comparator<Candidate> order;

    public AvailableAgents(Collection<Candidate> candidates) {
        this.free = new ArrayList<>(candidates);
    }

    public boolean isEmpty() {
        return free.isEmpty();
    }

    /** Removes and returns the agent still free that comes first in {@code order}. */
    public Optional<Candidate> takeBest(Comparator<Candidate> order) {
        return takeBest(order, any -> true);
    }

    /** Removes and returns the {@code eligible} agent still free that comes first in {@code order}; the others stay. */
    public Optional<Candidate> takeBest(Comparator<Candidate> order, Predicate<Candidate> eligible) {
        int best = -1;
        for (int i = 0; i < free.size(); i++) {
            Candidate candidate = free.get(i);
            if (eligible.test(candidate) && (best < 0 || order.compare(candidate, free.get(best)) < 0)) {
                best = i;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        Candidate taken = free.get(best);
        unranked(taken);
        removeAt(best);
        return Optional.of(taken);
    }

    /** Takes the agent out, wherever it is in the list: another group's caller got it. @return whether it was here */
    public boolean remove(AgentKey agent) {
        // The hash first: a pass removes every agent it reserves from every group's list, which is mostly a miss.
        int hash = agent.hashCode();
        for (int i = 0; i < free.size(); i++) {
            Candidate candidate = free.get(i);
            AgentKey other = candidate.status().agent();
            if (other.hashCode() == hash && other.equals(agent)) {
                unranked(candidate);
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    /** An agent reserved in this pass and given back (its caller was taken elsewhere) is free again. */
    public void putBack(Candidate candidate) {
        free.add(candidate);
        forgetLook();
    }

    /** Removes and returns every agent still free, in {@code order} (ring-all offers them together). */
    public List<Candidate> takeAll(Comparator<Candidate> order) {
        return takeAll(order, any -> true);
    }

    /** Removes and returns every {@code eligible} agent still free, in {@code order}; the others stay. */
    public List<Candidate> takeAll(Comparator<Candidate> order, Predicate<Candidate> eligible) {
        List<Candidate> all = free.stream().filter(eligible).sorted(order).toList();
        free.removeAll(all);
        forgetLook();
        return all;
    }

    /**
     * Looks at every agent still free for one caller's turn: why each is excluded, and the best
     * eligible in the strategy's order. Each agent is checked once, or not at all when the turn
     * before checked the same skills. A first look keeps the best {@value #SHORTLIST}, comparing an
     * agent only with the worst of them unless it belongs among them; a turn ranked alike carries on
     * with the ranking before it, and sorts all the eligible agents once that runs short.
     */
    void lookFor(Turn turn, RoutingStrategy strategy, Instant now) {
        order = strategy.orderFor(turn);
        if (excluded.length < free.size()) {
            excluded = new Exclusion[Math.max(free.size(), 2 * excluded.length)];
            lacking = Arrays.copyOf(lacking, excluded.length);
        }
        boolean skillsKnown = skillsLookedAt != null && turn.checksSkillsAs(skillsLookedAt);
        boolean lastAgentFirst = false;
        Arrays.fill(excludedCounts, 0);
        eligible = 0;
        for (int i = 0; i < free.size(); i++) {
            Candidate candidate = free.get(i);
            if (!skillsKnown) {
                lacking[i] = turn.skillExclusionOf(candidate).orElse(null);
            }
            Exclusion why = lacking[i];
            if (why == null) {
                why = turn.lastAgentExclusionOf(candidate, now).orElse(null);
                lastAgentFirst |= why != null;
            }
            excluded[i] = why;
            if (why == null) {
                eligible++;
            } else {
                excludedCounts[why.ordinal()]++;
            }
        }
        // A ranking that set agents aside for a caller's last agent serves no other caller, nor uses one made before.
        boolean alike = skillsKnown && !lastAgentFirst && rankedFor != null && strategy.ranksAlike(rankedFor, turn);
        skillsLookedAt = turn;
        rankedFor = lastAgentFirst ? null : turn;
        if (!alike) {
            rankBest();
        } else if (rankedTo - rankedFrom < Math.min(SHORTLIST, eligible)) {
            rankAll();
        }
    }

    /** Removes and returns the best eligible agent of the turn looked at; empty when none is left. */
    Optional<Candidate> takeBestLooked() {
        if (rankedFrom == rankedTo && eligible > 0) {
            // More were taken than the ranking held (their reservations failed): rank the eligible left.
            rankBest();
        }
        if (rankedFrom == rankedTo) {
            return Optional.empty();
        }
        Candidate taken = ranked[rankedFrom];
        ranked[rankedFrom++] = null;
        eligible--;
        int index = 0;
        while (free.get(index) != taken) {
            index++;
        }
        removeAt(index);
        return Optional.of(taken);
    }

    /** Removes and returns every eligible agent of the turn looked at, in its order; the excluded stay, in their order. */
    List<Candidate> takeAllLooked() {
        List<Candidate> all = new ArrayList<>(eligible);
        int kept = 0;
        for (int i = 0; i < free.size(); i++) {
            if (excluded[i] == null) {
                all.add(free.get(i));
            } else {
                free.set(kept, free.get(i));
                lacking[kept] = lacking[i];
                excluded[kept++] = excluded[i];
            }
        }
        free.subList(kept, free.size()).clear();
        all.sort(order);
        eligible = 0;
        clearRanking();
        return all;
    }

    /** The eligible agents of the turn looked at still free, best first, at most {@code limit} ({@link RoutingDecision#LISTED} at most). */
    List<Candidate> bestLeft(int limit) {
        int wanted = Math.min(limit, eligible);
        if (rankedTo - rankedFrom < wanted) {
            rankBest();
        }
        return Arrays.asList(Arrays.copyOfRange(ranked, rankedFrom, rankedFrom + wanted));
    }

    /** How many eligible agents of the turn looked at are still free. */
    int eligibleLeft() {
        return eligible;
    }

    /** How many agents still free the turn looked at excluded for {@code why}. */
    int excludedFor(Exclusion why) {
        return excludedCounts[why.ordinal()];
    }

    /** The first {@code limit} agents still free the turn looked at excluded, in the list's order, and why. */
    void firstExcluded(int limit, ExcludedAgent named) {
        int found = 0;
        for (int i = 0; i < free.size() && found < limit; i++) {
            if (excluded[i] != null) {
                named.accept(free.get(i), excluded[i]);
                found++;
            }
        }
    }

    /** An agent a look excluded, handed to {@link #firstExcluded}. */
    interface ExcludedAgent {
        void accept(Candidate candidate, Exclusion why);
    }

    /** Ranks the best {@value #SHORTLIST} eligible agents still free, best first; stable, so among equals the first in the list. */
    private void rankBest() {
        if (ranked.length < SHORTLIST) {
            ranked = new Candidate[SHORTLIST];
        }
        clearRanking();
        for (int i = 0; i < free.size(); i++) {
            if (excluded[i] != null) {
                continue;
            }
            Candidate candidate = free.get(i);
            if (rankedTo == SHORTLIST && order.compare(candidate, ranked[SHORTLIST - 1]) >= 0) {
                continue;
            }
            int at = Math.min(rankedTo, SHORTLIST - 1);
            while (at > 0 && order.compare(candidate, ranked[at - 1]) < 0) {
                ranked[at] = ranked[at - 1];
                at--;
            }
            ranked[at] = candidate;
            if (rankedTo < SHORTLIST) {
                rankedTo++;
            }
        }
    }

    /** Ranks every eligible agent still free: callers ranked alike keep coming, and each takes the next. */
    private void rankAll() {
        if (ranked.length < eligible) {
            ranked = new Candidate[Math.max(eligible, 2 * ranked.length)];
        }
        clearRanking();
        for (int i = 0; i < free.size(); i++) {
            if (excluded[i] == null) {
                ranked[rankedTo++] = free.get(i);
            }
        }
        // Stable, as the first look: among equals the first in the list.
        Arrays.sort(ranked, 0, rankedTo, order);
    }

    /** The agent is no longer free: out of the ranking too, wherever it stood in it. */
    private void unranked(Candidate candidate) {
        for (int i = rankedFrom; i < rankedTo; i++) {
            if (ranked[i] == candidate) {
                System.arraycopy(ranked, i + 1, ranked, i, rankedTo - i - 1);
                ranked[--rankedTo] = null;
                return;
            }
        }
    }

    private void clearRanking() {
        Arrays.fill(ranked, rankedFrom, rankedTo, null);
        rankedFrom = 0;
        rankedTo = 0;
    }

    /** The list changed out of step with the last look: the next one checks and ranks afresh. */
    private void forgetLook() {
        skillsLookedAt = null;
        rankedFor = null;
        clearRanking();
    }

    /** Order among the rest does not matter: the last moves into the gap instead of shifting, with what the look saw of it. */
    private void removeAt(int index) {
        int last = free.size() - 1;
        free.set(index, free.get(last));
        free.remove(last);
        if (last < excluded.length) {
            excluded[index] = excluded[last];
            lacking[index] = lacking[last];
        }
    }
}
