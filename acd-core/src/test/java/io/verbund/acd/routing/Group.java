package io.verbund.acd.routing;

import java.util.List;

/** An ACD group for routing tests. */
record Group(long id, String strategy, List<Member> members) implements RoutingGroup {

    Group {
        members = List.copyOf(members);
    }
}
