package io.verbund.acd.runtime.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API token may do: read or change one area of the API. A person's session or Basic
 * credentials are limited by the person's roles instead; scopes only ever narrow a token further.
 */
public enum ApiScope {
    CONFIG_READ, CONFIG_WRITE,
    AGENTS_READ, AGENTS_WRITE,
    CALLS_READ, CALLS_WRITE,
    EVENTS_READ,
    STATS_READ, STATS_WRITE,
    STORAGE_READ, STORAGE_WRITE;

    /** As tokens and requests spell it: {@code config:read}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT).replace('_', ':');
    }

    /** The scope a request of this method needs in this area. */
    public static ApiScope of(ApiArea.Area area, String httpMethod) {
        boolean reads = switch (httpMethod.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD", "OPTIONS" -> true;
            default -> false;
        };
        return valueOf(area.name() + (reads ? "_READ" : "_WRITE"));
    }

    /**
     * Parses a space-separated list, e.g. {@code "config:read agents:write"}.
     *
     * @throws IllegalArgumentException naming the first word that is no scope
     */
    public static Set<ApiScope> parse(String text) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            scopes.add(Arrays.stream(values()).filter(scope -> scope.text().equals(word)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + word + "' is not a scope; known: " + known())));
        }
        return scopes;
    }

    public static String format(Set<ApiScope> scopes) {
        return scopes.stream().sorted().map(ApiScope::text).collect(Collectors.joining(" "));
    }

    public static String known() {
        return Arrays.stream(values()).map(ApiScope::text).collect(Collectors.joining(", "));
    }
}
