package io.quantplug.web.routes;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.JarInspection;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.plugin.PluginInfo;
import io.quantplug.runtime.plugin.PluginStatus;
import io.quantplug.web.Api;
import io.quantplug.web.Json;
import io.quantplug.web.ApiException;
import io.quantplug.web.Services;
import io.quantplug.web.WebServer;
import io.quantplug.web.auth.Access;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /api/plugins} and {@code /api/extensions}: list, upload, enable, disable, reload, delete — all through the
 * runtime's {@link PluginHost}. An upload is checked first (a jar with a manifest naming {@code Plugin-Id} and
 * {@code Plugin-Version}, not bundling the API, within the size limit; else 400/413 and nothing changes), then
 * installed transactionally ({@link PluginHost#install}): staged in the plugins folder under a name the watcher
 * ignores, loaded and started there beside the running version of its id, and only once started moved over that
 * version's file (so running sessions hot-swap). A build that does not start is answered 422 and changes nothing:
 * the running version and its file stay byte for byte, and the staged file is deleted.
 */
public final class PluginRoutes {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Uploads are staged in the plugins folder under this prefix and a {@code .part} suffix. */
    private static final String STAGING_PREFIX = ".upload-";

    private final Services s;
    /** Counts plugin changes; the cached list is valid for the count it was made at. */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();
    /** The serialised plugin list and the change count it reflects (read far more often than changed). */
    private volatile Cached listJson = new Cached(-1, null);

    private record Cached(long changes, byte[] json) {
    }

    private PluginRoutes(Services s) {
        this.s = s;
        s.plugins().addListener(change -> changes.incrementAndGet());
    }

    /**
     * Declares the endpoints.
     *
     * @param api the table
     * @param s   the services
     */
    public static void declare(Api api, Services s) {
        PluginRoutes r = new PluginRoutes(s);
        api.add(HandlerType.GET, "/api/plugins", Access.VIEWER, "plugins",
                "Plugins with their state, extensions and parameter schemas", r::list);
        api.add(HandlerType.POST, "/api/plugins", Access.ADMIN, "plugins",
                "Upload a plugin jar (multipart form, part 'file'; ?downgrade=true to replace a running build by an"
                        + " older version); answers the host's verdict", Api.MULTIPART_FILE, r::upload);
        api.add(HandlerType.POST, "/api/plugins/{id}/enable", Access.ADMIN, "plugins", "Enable a disabled plugin",
                ctx -> r.act(ctx, "enable"));
        api.add(HandlerType.POST, "/api/plugins/{id}/disable", Access.ADMIN, "plugins",
                "Disable a plugin (its extensions leave the catalog; running sessions swap it out)",
                ctx -> r.act(ctx, "disable"));
        api.add(HandlerType.POST, "/api/plugins/{id}/reload", Access.ADMIN, "plugins",
                "Reload a plugin from its jar", ctx -> r.act(ctx, "reload"));
        api.add(HandlerType.DELETE, "/api/plugins/{id}", Access.ADMIN, "plugins",
                "Unload a plugin and delete its jar from the plugins folder", r::delete);
        api.add(HandlerType.GET, "/api/extensions", Access.VIEWER, "plugins",
                "Every extension available now, with its kind and parameter schema",
                ctx -> ctx.json(s.catalog().all().stream().map(PluginRoutes::extension).toList()));
    }

    private void list(Context ctx) throws com.fasterxml.jackson.core.JsonProcessingException {
        long now = changes.get();
        Cached c = listJson;
        if (c.changes() != now) {
            c = new Cached(now, io.quantplug.web.Json.MAPPER.writeValueAsBytes(s.plugins().plugins().stream()
                    .map(PluginRoutes::plugin).toList()));
            listJson = c;
        }
        ctx.contentType("application/json").result(c.json());
    }

    static Map<String, Object> plugin(PluginInfo p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.id());
        out.put("version", p.version());
        out.put("requires", p.requires());
        out.put("state", p.status().name());
        out.put("file", p.file().getFileName().toString());
        out.put("problem", p.problem());
        out.put("extensions", p.extensions().stream().map(PluginRoutes::extension).toList());
        return out;
    }

    static Map<String, Object> extension(ExtensionInfo e) {
        ExtensionDescriptor d = e.descriptor();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", d.id());
        out.put("kind", e.provider() instanceof EnhancementProvider ep ? ep.kind().name() : e.kind().name());
        out.put("name", d.name());
        out.put("description", d.description());
        out.put("plugin", e.pluginId());
        out.put("parameters", d.parameters().parameters());
        return out;
    }

    private void upload(Context ctx) throws IOException {
        String length = ctx.header("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > s.maxJarBytes() + 64 * 1024) {
            throw tooLarge();
        }
        UploadedFile file = UploadPart.of(ctx, this::tooLarge, "the jar");
        if (file.size() > s.maxJarBytes()) {
            throw tooLarge();
        }
        PluginHost host = s.plugins();
        Path dir = host.directory().toAbsolutePath().normalize();
        Path staged = Files.createTempFile(dir, STAGING_PREFIX, ".part"); // not a jar name: the watcher ignores it
        try {
            try (InputStream in = file.content()) {
                Files.copy(in, staged, StandardCopyOption.REPLACE_EXISTING);
            }
            JarInspection jar = JarInspection.of(staged);
            if (jar.problem() != null) {
                throw ApiException.badField("file", Json.brief(file.filename()) + " is refused: " + jar.problem());
            }
            if (!ID.matcher(jar.id()).matches()) {
                throw ApiException.badField("file", "Plugin-Id '" + Json.brief(jar.id()) + "' must be 1-64 letters,"
                        + " digits, '.', '_' or '-'");
            }
            Path target = host.plugins().stream().filter(p -> p.id().equals(jar.id()))
                    .map(p -> p.file().toAbsolutePath().normalize()).filter(f -> dir.equals(f.getParent()))
                    .findFirst().orElse(dir.resolve(jar.id() + ".jar"));
            PluginInfo result = host.install(staged, target, "true".equalsIgnoreCase(ctx.queryParam("downgrade")));
            changes.incrementAndGet();
            WebServer.recordPlugins(s, Api.principal(ctx).username());
            s.hub().publish("plugin", plugin(result));
            s.store().audit().append(Api.principal(ctx).username(), "plugin.uploaded", "plugin/" + jar.id(),
                    Json.brief(file.filename()) + " " + jar.version() + " -> "
                            + result.status().name().toLowerCase(Locale.ROOT)
                            + (result.problem() == null ? "" : ": " + result.problem()));
            if (result.status() != PluginStatus.STARTED) {
                throw new ApiException(422, "plugin_refused", "file", jar.id() + "@" + jar.version() + " "
                        + result.status().name().toLowerCase(Locale.ROOT) + ": " + result.problem()
                        + "; nothing changed");
            }
            ctx.status(201).json(plugin(result));
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    /**
     * Deletes the staged uploads a killed server left in the plugins folder.
     *
     * @param pluginsDir the plugins folder
     * @return how many were deleted
     */
    public static int deleteStaleUploads(Path pluginsDir) {
        int n = 0;
        try (var stale = Files.newDirectoryStream(pluginsDir, STAGING_PREFIX + "*.part")) {
            for (Path p : stale) {
                Files.deleteIfExists(p);
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean staged uploads in " + pluginsDir, e);
        }
        return n;
    }

    private void act(Context ctx, String action) {
        String id = pluginId(ctx);
        PluginInfo info = switch (action) {
            case "enable" -> s.plugins().enable(id);
            case "disable" -> s.plugins().disable(id);
            default -> s.plugins().reload(id);
        };
        changes.incrementAndGet();
        WebServer.recordPlugins(s, Api.principal(ctx).username());
        s.store().audit().append(Api.principal(ctx).username(), "plugin." + (action.endsWith("e") ? action + "d"
                        : action + "ed"), "plugin/" + id,
                info.version() + " -> " + info.status().name().toLowerCase(Locale.ROOT));
        s.hub().publish("plugin", plugin(info));
        ctx.json(plugin(info));
    }

    private void delete(Context ctx) {
        String id = pluginId(ctx);
        PluginInfo info = s.plugins().unload(id);
        changes.incrementAndGet();
        Path dir = s.plugins().directory().toAbsolutePath().normalize();
        Path file = info.file().toAbsolutePath().normalize();
        if (dir.equals(file.getParent())) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("unloaded " + id + " but cannot delete " + file.getFileName(), e);
            }
        }
        s.store().audit().append(Api.principal(ctx).username(), "plugin.deleted", "plugin/" + id, info.version());
        s.hub().publish("plugin", Map.of("id", id, "state", "DELETED"));
        ctx.json(Map.of("id", id, "deleted", true));
    }

    private String pluginId(Context ctx) {
        String id = ctx.pathParam("id");
        if (s.plugins().plugins().stream().noneMatch(p -> p.id().equals(id))) {
            throw ApiException.notFound("id", "no plugin '" + id + "'");
        }
        return id;
    }

    private ApiException tooLarge() {
        return new ApiException(413, "payload_too_large", "file", "a plugin jar may have at most "
                + s.maxJarBytes() / (1024 * 1024) + " MiB");
    }
}
