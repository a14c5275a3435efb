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
 * agent and writing the decision record need. The look holds until the next turn; taking agents
 * from it keeps it in step, while {@link #remove} and {@link #putBack} come between turns.
 */
public final class AvailableAgents {

    /** The agent taken and the ones a decision record names as ranked lower: what a look keeps in order. */
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
    /** Indexes into {@code free} of the best eligible agents, best first. */
    private final int[] shortlist = new int[SHORTLIST];
    private int shortlisted;
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
        removeAt(best);
        return Optional.of(taken);
    }

    /** Takes the agent out, wherever it is in the list: another group's caller got it. @return whether it was here */
    public boolean remove(AgentKey agent) {
        // The hash first: a pass removes every agent it reserves from every group's list, which is mostly a miss.
        int hash = agent.hashCode();
        for (int i = 0; i < free.size(); i++) {
            AgentKey other = free.get(i).status().agent();
            if (other.hashCode() == hash && other.equals(agent)) {
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    /** An agent reserved in this pass and given back (its caller was taken elsewhere) is free again. */
    public void putBack(Candidate candidate) {
        free.add(candidate);
        skillsLookedAt = null;
    }

    /** Removes and returns every agent still free, in {@code order} (ring-all offers them together). */
    public List<Candidate> takeAll(Comparator<Candidate> order) {
        return takeAll(order, any -> true);
    }

    /** Removes and returns every {@code eligible} agent still free, in {@code order}; the others stay. */
    public List<Candidate> takeAll(Comparator<Candidate> order, Predicate<Candidate> eligible) {
        List<Candidate> all = free.stream().filter(eligible).sorted(order).toList();
        free.removeAll(all);
        skillsLookedAt = null;
        return all;
    }

    /**
     * Looks at every agent still free for one caller's turn: why each is excluded, and the best
     * {@value #SHORTLIST} eligible in {@code order}. Each agent is checked once; the order compares
     * an agent only with the worst of the shortlist unless it belongs in it.
     */
    void lookFor(Turn turn, Comparator<Candidate> order, Instant now) {
        this.order = order;
        if (excluded.length < free.size()) {
            excluded = new Exclusion[Math.max(free.size(), 2 * excluded.length)];
            lacking = Arrays.copyOf(lacking, excluded.length);
        }
        boolean skillsKnown = skillsLookedAt != null && turn.checksSkillsAs(skillsLookedAt);
        Arrays.fill(excludedCounts, 0);
        eligible = 0;
        for (int i = 0; i < free.size(); i++) {
            Candidate candidate = free.get(i);
            if (!skillsKnown) {
                lacking[i] = turn.skillExclusionOf(candidate).orElse(null);
            }
            Exclusion why = lacking[i] != null ? lacking[i] : turn.lastAgentExclusionOf(candidate, now).orElse(null);
            excluded[i] = why;
            if (why == null) {
                eligible++;
            } else {
                excludedCounts[why.ordinal()]++;
            }
        }
        skillsLookedAt = turn;
        shortlist();
    }

    /** Removes and returns the best eligible agent of the turn looked at; empty when none is left. */
    Optional<Candidate> takeBestLooked() {
        if (shortlisted == 0 && eligible > 0) {
            // More were taken than the shortlist held (their reservations failed): look again at the eligible left.
            shortlist();
        }
        if (shortlisted == 0) {
            return Optional.empty();
        }
        int index = shortlist[0];
        System.arraycopy(shortlist, 1, shortlist, 0, --shortlisted);
        eligible--;
        Candidate taken = free.get(index);
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
        shortlisted = 0;
        return all;
    }

    /** The eligible agents of the turn looked at still free, best first, at most {@code limit} ({@link RoutingDecision#LISTED} at most). */
    List<Candidate> bestLeft(int limit) {
        int wanted = Math.min(limit, eligible);
        if (shortlisted < wanted) {
            shortlist();
        }
        List<Candidate> best = new ArrayList<>(wanted);
        for (int i = 0; i < wanted; i++) {
            best.add(free.get(shortlist[i]));
        }
        return best;
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

    /** Finds the best {@value #SHORTLIST} eligible agents still free, best first; stable, so among equals the first in the list. */
    private void shortlist() {
        shortlisted = 0;
        for (int i = 0; i < free.size(); i++) {
            if (excluded[i] != null) {
                continue;
            }
            Candidate candidate = free.get(i);
            if (shortlisted == SHORTLIST && order.compare(candidate, free.get(shortlist[SHORTLIST - 1])) >= 0) {
                continue;
            }
            int at = Math.min(shortlisted, SHORTLIST - 1);
            while (at > 0 && order.compare(candidate, free.get(shortlist[at - 1])) < 0) {
                shortlist[at] = shortlist[at - 1];
                at--;
            }
            shortlist[at] = i;
            if (shortlisted < SHORTLIST) {
                shortlisted++;
            }
        }
    }

    /** Order among the rest does not matter: the last moves into the gap instead of shifting, with what the look saw of it. */
    private void removeAt(int index) {
        int last = free.size() - 1;
        free.set(index, free.get(last));
        free.remove(last);
        if (index < excluded.length && last < excluded.length) {
            excluded[index] = excluded[last];
            lacking[index] = lacking[last];
            for (int i = 0; i < shortlisted; i++) {
                if (shortlist[i] == last) {
                    shortlist[i] = index;
                }
            }
        }
    }
}
