package io.verbund.acd.runtime.security;

import java.util.Optional;

/** Where API tokens are looked up by the SHA-256 of their text. */
public interface TokenDirectory {

    /** @throws io.verbund.acd.runtime.problem.DatabaseUnavailable when the directory cannot answer */
    Optional<StoredToken> findByHash(String sha256Hex);

    /** Records that the token was used now; best effort, never fails the request. */
    void touched(long tokenId);
}
