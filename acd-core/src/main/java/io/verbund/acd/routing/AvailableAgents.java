package io.verbund.acd.routing;

import io.verbund.acd.agent.AgentKey;
import java.util.ArrayList;
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
 */
public final class AvailableAgents {

    private final List<Candidate> free;

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
        // Order among the rest does not matter: move the last into the gap instead of shifting.
        Candidate taken = free.get(best);
        free.set(best, free.get(free.size() - 1));
        free.remove(free.size() - 1);
        return Optional.of(taken);
    }

    /** Takes the agent out, wherever it is in the list: another group's caller got it. @return whether it was here */
    public boolean remove(AgentKey agent) {
        for (int i = 0; i < free.size(); i++) {
            if (free.get(i).status().agent().equals(agent)) {
                free.set(i, free.get(free.size() - 1));
                free.remove(free.size() - 1);
                return true;
            }
        }
        return false;
    }

    /** An agent reserved in this pass and given back (its caller was taken elsewhere) is free again. */
    public void putBack(Candidate candidate) {
        free.add(candidate);
    }

    /** Removes and returns every agent still free, in {@code order} (ring-all offers them together). */
    public List<Candidate> takeAll(Comparator<Candidate> order) {
        return takeAll(order, any -> true);
    }

    /** Removes and returns every {@code eligible} agent still free, in {@code order}; the others stay. */
    public List<Candidate> takeAll(Comparator<Candidate> order, Predicate<Candidate> eligible) {
        List<Candidate> all = free.stream().filter(eligible).sorted(order).toList();
        free.removeAll(all);
        return all;
    }

    /** The agents still free, in no particular order: what a decision record names. */
    List<Candidate> stillFree() {
        return List.copyOf(free);
    }
}
