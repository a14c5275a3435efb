package io.verbund.acd.portal.api;

import io.verbund.acd.runtime.problem.ClientText;
import io.verbund.acd.runtime.problem.MalformedRequest;

/**
 * A yes/no list filter such as {@code ?enabled=true}. Read strictly: JAX-RS would turn any word but
 * {@code true} into false, so {@code ?enabled=yes} would quietly list the disabled ones.
 */
public final class QueryFlag {

    private QueryFlag() {
    }

    /**
     * @return null when the parameter is absent or empty (no filter)
     * @throws MalformedRequest naming the parameter when it is neither true nor false
     */
    public static Boolean parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new MalformedRequest(PortalWords.text("common.flag", name, ClientText.echo(value, 20)));
        };
    }
}
