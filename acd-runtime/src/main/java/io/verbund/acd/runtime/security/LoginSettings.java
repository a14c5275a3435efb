package io.verbund.acd.runtime.security;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * How many failed password checks {@link LoginThrottle} allows before it locks, and for how long.
 * Defaults (each settable as a system property):
 * <ul>
 * <li>{@value #ACCOUNT_SOURCE_FAILURES} = 10 failures of one account from one client address within
 * {@value #WINDOW} = PT15M lock that account for that address;</li>
 * <li>{@value #SOURCE_FAILURES} = 30 failures from one address over all accounts lock the address
 * (one office behind one NAT address shares it, so it is higher than the pair's);</li>
 * <li>{@value #ACCOUNT_FAILURES} = 50 failures of one account from anywhere lock the account for
 * every address that is not one of its known addresses (logged in successfully within
 * {@value #KNOWN_ADDRESS_LIFETIME} = P30D);</li>
 * <li>{@value #LOCKOUT} = PT15M: how long a lock lasts, the right password included.</li>
 * </ul>
 * At ~0.2 s of CPU per PBKDF2 check, 30 guesses per address per 15 minutes cost a node nothing;
 * 10 per address and at most 50 from a botnet per half hour make guessing a decent password
 * hopeless, while the owner's own addresses stay open.
 */
public record LoginSettings(int accountSourceFailures, int accountFailures, int sourceFailures, Duration window, Duration lockout,
                            Duration knownAddressLifetime) {

    public static final String ACCOUNT_SOURCE_FAILURES = "verbund.login.account-source-failures";
    public static final String ACCOUNT_FAILURES = "verbund.login.account-failures";
    public static final String SOURCE_FAILURES = "verbund.login.source-failures";
    public static final String WINDOW = "verbund.login.window";
    public static final String LOCKOUT = "verbund.login.lockout";
    public static final String KNOWN_ADDRESS_LIFETIME = "verbund.login.known-address-lifetime";

    public static final LoginSettings DEFAULTS = new LoginSettings(10, 50, 30, Duration.ofMinutes(15), Duration.ofMinutes(15),
            Duration.ofDays(30));

    public LoginSettings {
        if (accountSourceFailures < 1 || accountFailures < 1 || sourceFailures < 1 || !positive(window) || !positive(lockout)
                || !positive(knownAddressLifetime)) {
            throw new IllegalArgumentException("login throttle settings must be positive: " + accountSourceFailures + ", "
                    + accountFailures + ", " + sourceFailures + ", " + window + ", " + lockout + ", " + knownAddressLifetime);
        }
    }

    /** The settings from system properties, each missing one at its default. */
    public static LoginSettings fromSystemProperties() {
        return from(System::getProperty);
    }

    static LoginSettings from(UnaryOperator<String> properties) {
        return new LoginSettings(
                number(properties, ACCOUNT_SOURCE_FAILURES, DEFAULTS.accountSourceFailures),
                number(properties, ACCOUNT_FAILURES, DEFAULTS.accountFailures),
                number(properties, SOURCE_FAILURES, DEFAULTS.sourceFailures),
                duration(properties, WINDOW, DEFAULTS.window),
                duration(properties, LOCKOUT, DEFAULTS.lockout),
                duration(properties, KNOWN_ADDRESS_LIFETIME, DEFAULTS.knownAddressLifetime));
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
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
