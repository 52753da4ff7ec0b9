package io.quantplug.runtime.store;

import io.quantplug.runtime.QuantplugException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Users of the console: name, password hash (the caller hashes; this store never sees a password), role. Every
 * change is an audit entry. Thread-safe.
 */
public final class UserStore {

    /** What a user may do. */
    public enum Role {
        /** Reads everything but secrets. */
        VIEWER,
        /** Also runs backtests and strategies. */
        TRADER,
        /** Also manages plugins and users. */
        ADMIN
    }

    /**
     * A stored user.
     *
     * @param id           user id
     * @param username     unique name
     * @param passwordHash the hash (e.g. bcrypt), never a password
     * @param role         role
     * @param disabled     whether sign-in is refused
     * @param createdAt    when created
     */
    public record User(long id, String username, String passwordHash, Role role, boolean disabled, Instant createdAt) {
        @Override
        public String toString() {
            return "User[" + id + ", " + username + ", " + role + (disabled ? ", disabled" : "") + "]";
        }
    }

    private static final String SELECT = "SELECT id, username, password_hash, role, disabled, created_at FROM users";

    private final Database db;
    private final AuditLog audit;

    UserStore(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /**
     * Creates a user.
     *
     * @param username     unique name, 1 to 64 characters
     * @param passwordHash the password's hash
     * @param role         role
     * @param actor        who creates it
     * @return the user
     * @throws QuantplugException when the name is taken or the database fails
     */
    public User create(String username, String passwordHash, Role role, String actor) {
        if (username == null || username.isBlank() || username.length() > 64) {
            throw new IllegalArgumentException("username must be 1 to 64 characters, got '" + username + "'");
        }
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO users (username, password_hash, role) VALUES (?, ?, ?)", new String[] {"id"})) {
                if (find(c, username).isPresent()) {
                    throw new QuantplugException("user '" + username + "' exists");
                }
                ps.setString(1, username);
                ps.setString(2, passwordHash);
                ps.setString(3, role.name());
                ps.executeUpdate();
                audit.append(c, actor, "user.created", "user/" + username, "role " + role.name().toLowerCase(Locale.ROOT));
                User u = find(c, username).orElseThrow();
                c.commit();
                return u;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new QuantplugException("cannot create user '" + username + "': " + e.getMessage(), e);
        }
    }

    /**
     * Finds a user by name.
     *
     * @param username the name
     * @return the user, or empty
     */
    public Optional<User> find(String username) {
        try (Connection c = db.connection()) {
            return find(c, username);
        } catch (SQLException e) {
            throw new QuantplugException("cannot read user '" + username + "': " + e.getMessage(), e);
        }
    }

    /**
     * Every user, by name.
     *
     * @return the users
     * @throws QuantplugException when the database fails
     */
    public List<User> list() {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY username");
             ResultSet rs = ps.executeQuery()) {
            List<User> out = new ArrayList<>();
            while (rs.next()) {
                out.add(user(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new QuantplugException("cannot list users: " + e.getMessage(), e);
        }
    }

    /**
     * Changes a user's role, sign-in permission or password, and writes one audit entry naming what changed (never
     * the hash), in the same transaction.
     *
     * @param username     the user
     * @param role         the new role, or null to keep it
     * @param disabled     whether sign-in is refused, or null to keep it
     * @param passwordHash the new password's hash, or null to keep it
     * @param actor        who changes it
     * @return the user after the change
     * @throws QuantplugException when there is no such user or the database fails
     */
    public User update(String username, Role role, Boolean disabled, String passwordHash, String actor) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                User u = find(c, username).orElseThrow(() -> new QuantplugException("no user '" + username + "'"));
                User after = new User(u.id(), u.username(), passwordHash == null ? u.passwordHash() : passwordHash,
                        role == null ? u.role() : role, disabled == null ? u.disabled() : disabled, u.createdAt());
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE users SET role = ?, disabled = ?, password_hash = ? WHERE id = ?")) {
                    ps.setString(1, after.role().name());
                    ps.setBoolean(2, after.disabled());
                    ps.setString(3, after.passwordHash());
                    ps.setLong(4, u.id());
                    ps.executeUpdate();
                }
                List<String> changes = new ArrayList<>();
                if (after.role() != u.role()) {
                    changes.add("role " + after.role().name().toLowerCase(Locale.ROOT));
                }
                if (after.disabled() != u.disabled()) {
                    changes.add(after.disabled() ? "disabled" : "enabled");
                }
                if (passwordHash != null) {
                    changes.add("password changed");
                }
                audit.append(c, actor, "user.updated", "user/" + username,
                        changes.isEmpty() ? "no change" : String.join(", ", changes));
                c.commit();
                return after;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new QuantplugException("cannot update user '" + username + "': " + e.getMessage(), e);
        }
    }

    private static Optional<User> find(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(user(rs)) : Optional.empty();
            }
        }
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                rs.getBoolean(5), Sql.instant(rs, "created_at"));
    }
}
