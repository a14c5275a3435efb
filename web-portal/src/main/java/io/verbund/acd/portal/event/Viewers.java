package io.verbund.acd.portal.event;

import io.verbund.acd.portal.group.GroupRoster;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Works out a subscriber's {@link Viewer} from its roles and its tenant's groups. */
@ApplicationScoped
public class Viewers {

    private final GroupRoster roster;

    @Inject
    public Viewers(GroupRoster roster) {
        this.roster = roster;
    }

    /** For CDI's proxy only. */
    protected Viewers() {
        this.roster = null;
    }

    public Viewer of(Caller caller) {
        List<GroupRoster.Group> groups = roster.groupsOf(caller.tenant());
        Optional<String> own = caller.agent().map(agent -> agent.extension());
        Set<Long> memberOf = caller.agent().map(agent -> roster.groupsWithMember(agent).stream()
                .map(GroupRoster.Group::id).collect(Collectors.toSet())).orElse(Set.of());
        if (!Viewer.isStaff(caller)) {
            return new Viewer(caller, false, Optional.of(Set.of()), Optional.of(Set.of()), own, memberOf);
        }
        boolean narrowed = caller.has(Role.SUPERVISOR) && !caller.has(Role.TENANT_ADMIN) && !caller.has(Role.SYSTEM_ADMIN);
        Set<Long> supervised = narrowed ? roster.supervisedBy(caller.user()) : Set.of();
        if (supervised.isEmpty()) {
            return new Viewer(caller, true, Optional.empty(), Optional.empty(), own, memberOf);
        }
        Set<String> agents = groups.stream().filter(group -> supervised.contains(group.id()))
                .flatMap(group -> group.members().stream()).collect(Collectors.toSet());
        own.ifPresent(extension -> agents.add(extension));
        return new Viewer(caller, true, Optional.of(Set.copyOf(supervised)), Optional.of(Set.copyOf(agents)), own, memberOf);
    }
}
