package io.verbund.acd.runtime.security;

import java.util.Optional;

/** Where portal users are looked up by login. */
public interface UserDirectory {

    /**
     * @return the user with this login (compared as the database collates logins), or empty
     * @throws io.verbund.acd.runtime.problem.DatabaseUnavailable when the directory cannot answer
     */
    Optional<StoredUser> find(String login);
}
