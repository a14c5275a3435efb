package io.verbund.acd.runtime.security;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * How many failed password checks {@link LoginThrottle} allows before it locks an account or a
 * source address out, and for how long. Defaults (each settable as a system property):
 * <ul>
 * <li>{@value #ACCOUNT_FAILURES} = 10 failures per account within {@value #WINDOW} = PT15M;</li>
 * <li>{@value #SOURCE_FAILURES} = 30 failures per client address within the same window (one
 * office behind one NAT address shares it, so it is higher than the account's);</li>
 * <li>{@value #LOCKOUT} = PT15M: how long the locked account or address is refused, the right
 * password included.</li>
 * </ul>
 * At ~0.2 s of CPU per PBKDF2 check, 30 guesses per address per 15 minutes cost a node nothing, and
 * 10 per account make guessing a decent password hopeless.
 */
public record LoginSettings(int accountFailures, int sourceFailures, Duration window, Duration lockout) {

    public static final String ACCOUNT_FAILURES = "verbund.login.account-failures";
    public static final String SOURCE_FAILURES = "verbund.login.source-failures";
    public static final String WINDOW = "verbund.login.window";
    public static final String LOCKOUT = "verbund.login.lockout";

    public static final LoginSettings DEFAULTS = new LoginSettings(10, 30, Duration.ofMinutes(15), Duration.ofMinutes(15));

    public LoginSettings {
        if (accountFailures < 1 || sourceFailures < 1 || window.isNegative() || window.isZero()
                || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("login throttle settings must be positive: " + accountFailures + ", "
                    + sourceFailures + ", " + window + ", " + lockout);
        }
    }

    /** The settings from system properties, each missing one at its default. */
    public static LoginSettings fromSystemProperties() {
        return from(System::getProperty);
    }

    static LoginSettings from(UnaryOperator<String> properties) {
        return new LoginSettings(
                number(properties, ACCOUNT_FAILURES, DEFAULTS.accountFailures),
                number(properties, SOURCE_FAILURES, DEFAULTS.sourceFailures),
                duration(properties, WINDOW, DEFAULTS.window),
                duration(properties, LOCKOUT, DEFAULTS.lockout));
    }

    private static int number(UnaryOperator<String> properties, String name, int fallback) {
        String value = properties.apply(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }

    private static Duration duration(UnaryOperator<String> properties, String name, Duration fallback) {
        String value = properties.apply(name);
        return value == null || value.isBlank() ? fallback : Duration.parse(value.strip());
    }
}
