package io.quantplug.runtime.store;

import io.quantplug.runtime.QuantplugException;
import io.quantplug.runtime.plugin.PluginInfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * The plugins the platform has seen: id, version, SHA-256 of the jar, state, and when and by whom each build was
 * installed. A jar is one row per (plugin id, SHA-256): a rebuilt jar is a new row, and its first sighting is an
 * audit entry {@code plugin.installed}. Thread-safe.
 */
public final class PluginRegistry {

    /**
     * One stored plugin build.
     *
     * @param pluginId    the {@code Plugin-Id}
     * @param version     the {@code Plugin-Version}
     * @param sha256      SHA-256 of the jar, hex
     * @param fileName    the jar's file name
     * @param state       its last known status, e.g. {@code STARTED}
     * @param problem     why it was refused or failed, or null
     * @param installedAt when first seen
     * @param installedBy who first loaded it
     * @param lastSeenAt  when last seen
     */
    public record StoredPlugin(String pluginId, String version, String sha256, String fileName, String state,
                               String problem, Instant installedAt, String installedBy, Instant lastSeenAt) {
    }

    private final Database db;
    private final AuditLog audit;

    PluginRegistry(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /**
     * Records what a plugin host loaded or refused.
     *
     * @param plugins the host's plugins
     * @param actor   who loaded them
     * @return how many builds were seen for the first time
     * @throws QuantplugException when a jar cannot be read or the database fails
     */
    public int record(List<PluginInfo> plugins, String actor) {
        return record(plugins, p -> sha256(p.file()), actor);
    }

    /**
     * Records what a plugin host loaded or refused, with the jars' digests as the host took them
     * ({@code PluginHost::sha256}), so that no jar is read twice.
     *
     * @param plugins the host's plugins
     * @param digests each plugin's jar SHA-256, lower-case hex (null when it cannot be read)
     * @param actor   who loaded them
     * @return how many builds were seen for the first time
     * @throws QuantplugException when a jar cannot be read or the database fails
     */
    public int record(List<PluginInfo> plugins, Function<PluginInfo, String> digests, String actor) {
        int installed = 0;
        Instant now = audit.now();
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                for (PluginInfo p : plugins) {
                    String sha = digests.apply(p);
                    if (sha == null) {
                        sha = sha256(p.file()); // names the file that cannot be read
                    }
                    try (PreparedStatement ps = c.prepareStatement("UPDATE plugins SET state = ?, problem = ?,"
                            + " last_seen_at = ?, file_name = ? WHERE plugin_id = ? AND sha256 = ?")) {
                        ps.setString(1, p.status().name());
                        Sql.setText(ps, 2, p.problem());
                        Sql.setTime(ps, 3, now);
                        ps.setString(4, p.file().getFileName().toString());
                        ps.setString(5, p.id());
                        ps.setString(6, sha);
                        if (ps.executeUpdate() == 1) {
                            continue;
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO plugins (plugin_id, version, sha256,"
                            + " file_name, state, problem, installed_at, installed_by, last_seen_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        ps.setString(1, p.id());
                        ps.setString(2, p.version() == null ? "" : p.version());
                        ps.setString(3, sha);
                        ps.setString(4, p.file().getFileName().toString());
                        ps.setString(5, p.status().name());
                        Sql.setText(ps, 6, p.problem());
                        Sql.setTime(ps, 7, now);
                        ps.setString(8, actor);
                        Sql.setTime(ps, 9, now);
                        ps.executeUpdate();
                    }
                    audit.append(c, actor, "plugin.installed", "plugin/" + p.id(), "version " + p.version()
                            + ", sha256 " + sha + ", " + p.file().getFileName() + ", " + p.status());
                    installed++;
                }
                c.commit();
                return installed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new QuantplugException("cannot record plugins: " + db.settings().mask(e.getMessage()), e);
        }
    }

    /**
     * Every stored build, by plugin id and first sighting.
     *
     * @return the builds
     */
    public List<StoredPlugin> list() {
        List<StoredPlugin> out = new ArrayList<>();
        try (Connection c = db.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT plugin_id, version, sha256, file_name, state, problem,"
                     + " installed_at, installed_by, last_seen_at FROM plugins ORDER BY plugin_id, installed_at")) {
            while (rs.next()) {
                out.add(new StoredPlugin(rs.getString(1), rs.getString(2), rs.getString(3).strip(), rs.getString(4),
                        rs.getString(5), rs.getString(6), Sql.instant(rs, "installed_at"), rs.getString(8),
                        Sql.instant(rs, "last_seen_at")));
            }
            return out;
        } catch (SQLException e) {
            throw new QuantplugException("cannot list plugins: " + db.settings().mask(e.getMessage()), e);
        }
    }

    /**
     * SHA-256 of a file.
     *
     * @param file the file
     * @return the digest, lower-case hex
     * @throws QuantplugException when the file cannot be read
     */
    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new QuantplugException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
