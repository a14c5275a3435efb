package io.verbund.acd.launcher;

import io.verbund.acd.user.PasswordHash;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The installation's first system administrator, created by the launcher instead of a published
 * demo login: a generated password, shown once to whoever started the cluster, stored only as the
 * usual PBKDF2 hash in {@code app_user}. The same code resets that password later
 * ({@code ./verbund admin reset-password}), for an operator who lost it.
 */
final class SystemAdmin {

    /** The login of the administrator the launcher creates; the demo's system administrator has the same one. */
    static final String LOGIN = "sysadmin";
    private static final String ROLE = "SYSTEM_ADMIN";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Letters and digits without look-alikes (0/O, 1/l/I): the password is read off a terminal and typed. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    /** 20 characters of 57: about 116 bits. */
    private static final int PASSWORD_LENGTH = 20;

    private SystemAdmin() {
    }

    /**
     * Creates {@value #LOGIN} in the SYSTEM tenant unless some user already holds the system
     * administrator role (the demo's, or one made by an earlier start).
     *
     * @return the generated password when this call created the user, for printing once
     */
    static Optional<String> createIfNone(Connection db) throws SQLException {
        try (Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("SELECT 1 FROM user_role WHERE role = '" + ROLE + "' LIMIT 1")) {
            if (rows.next()) {
                return Optional.empty();
            }
        }
        String password = generatePassword();
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try {
            long user;
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO app_user (tenant_id, login, password_hash, display_name)"
                    + " SELECT id, ?, ?, 'System Administrator' FROM tenant WHERE kind = 'SYSTEM' ORDER BY id LIMIT 1",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, LOGIN);
                insert.setString(2, PasswordHash.of(password.toCharArray()).encoded());
                if (insert.executeUpdate() != 1) {
                    throw new SQLException("no SYSTEM tenant: the schema is not migrated yet");
                }
                try (ResultSet key = insert.getGeneratedKeys()) {
                    key.next();
                    user = key.getLong(1);
                }
            }
            try (PreparedStatement role = db.prepareStatement("INSERT INTO user_role (user_id, role) VALUES (?, '" + ROLE + "')")) {
                role.setLong(1, user);
                role.executeUpdate();
            }
            db.commit();
            return Optional.of(password);
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }

    /**
     * Gives {@code login}, which must hold the system administrator role, a new generated password;
     * when no system administrator exists at all, creates {@value #LOGIN} instead.
     *
     * @return the new password, for printing once
     */
    static String resetPassword(Connection db, String login) throws SQLException {
        String password = generatePassword();
        try (PreparedStatement update = db.prepareStatement("UPDATE app_user SET password_hash = ? WHERE login = ?"
                + " AND id IN (SELECT user_id FROM user_role WHERE role = '" + ROLE + "')")) {
            update.setString(1, PasswordHash.of(password.toCharArray()).encoded());
            update.setString(2, login);
            if (update.executeUpdate() == 1) {
                return password;
            }
        }
        if (LOGIN.equals(login)) {
            Optional<String> created = createIfNone(db);
            if (created.isPresent()) {
                return created.get();
            }
        }
        throw new LaunchFailure(ExitCode.USAGE, "No system administrator with the login " + login);
    }

    static String generatePassword() {
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
