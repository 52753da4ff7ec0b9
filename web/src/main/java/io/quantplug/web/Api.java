package io.quantplug.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.quantplug.web.auth.Access;
import io.quantplug.web.auth.Authenticator;
import io.quantplug.web.auth.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of API endpoints: each declared once with its method, path, the least {@link Access} it needs, a tag
 * and a summary. The table installs the routes (wrapping each handler in the access check), writes the OpenAPI
 * document, and lets tests walk every endpoint. Build it on one thread, then read it from any.
 */
public final class Api {

    /** The request attribute holding the caller's {@link Principal} (absent for anonymous calls). */
    public static final String PRINCIPAL = "quantplug.principal";
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([a-zA-Z]+)}");

    /**
     * One endpoint.
     *
     * @param method  the HTTP method
     * @param path    the path, with {@code {name}} for path parameters
     * @param access  who may call it
     * @param tag     the group in the docs, e.g. {@code plugins}
     * @param summary one line for the docs
     * @param body    the record its JSON body is read into, {@link #MULTIPART_FILE} for a multipart upload, or
     *                null when it takes no body
     * @param handler what it does
     */
    public record Endpoint(HandlerType method, String path, Access access, String tag, String summary, Class<?> body,
                           Handler handler) {
        /**
         * The path with example values in place of its parameters.
         *
         * @param value the value for every parameter
         * @return the concrete path
         */
        public String pathWith(String value) {
            return PATH_PARAM.matcher(path).replaceAll(Matcher.quoteReplacement(value));
        }
    }

    private final List<Endpoint> endpoints = new ArrayList<>();

    /**
     * Declares an endpoint.
     *
     * @param method  the method
     * @param path    the path
     * @param access  who may call it
     * @param tag     the docs group
     * @param summary the docs line
     * @param handler the handler; it may call {@link #principal(Context)}
     * @return this table
     */
    public Api add(HandlerType method, String path, Access access, String tag, String summary, Handler handler) {
        return add(method, path, access, tag, summary, null, handler);
    }

    /**
     * Declares an endpoint that reads a body.
     *
     * @param method  the method
     * @param path    the path
     * @param access  who may call it
     * @param tag     the docs group
     * @param summary the docs line
     * @param body    the record the JSON body is read into, or {@link #MULTIPART_FILE}
     * @param handler the handler; it may call {@link #principal(Context)}
     * @return this table
     */
    public Api add(HandlerType method, String path, Access access, String tag, String summary, Class<?> body,
                   Handler handler) {
        endpoints.add(new Endpoint(method, path, access, tag, summary, body, handler));
        return this;
    }

    /** The body of an upload: a multipart form whose part {@code file} holds the file. */
    public static final class MultipartFile {
        private MultipartFile() {
        }
    }

    /** Marks an endpoint whose body is a multipart upload of one file. */
    public static final Class<?> MULTIPART_FILE = MultipartFile.class;

    /**
     * The endpoints, in declaration order.
     *
     * @return an immutable copy
     */
    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    /**
     * Registers every endpoint with Javalin, each behind the access check of {@code auth}.
     *
     * @param routes Javalin's routes
     * @param auth   resolves and checks the caller
     */
    public void install(RoutesConfig routes, Authenticator auth) {
        for (Endpoint e : endpoints) {
            Handler checked = ctx -> {
                auth.check(ctx, e.access()).ifPresent(p -> ctx.attribute(PRINCIPAL, p));
                e.handler().handle(ctx);
            };
            routes.addEndpoint(new io.javalin.router.Endpoint(e.method(), e.path(), checked, Set.of()));
        }
    }

    /**
     * The caller of a request that passed a non-public access check.
     *
     * @param ctx the request
     * @return the principal
     * @throws IllegalStateException on an anonymous request (a public endpoint)
     */
    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw new IllegalStateException("anonymous request to " + ctx.path());
        }
        return p;
    }

    /**
     * The OpenAPI 3.0 document of the table: paths, methods, summaries, tags, path parameters, the security each
     * needs (cookie session or bearer token) and the role, plus the error schema.
     *
     * @param version the server's version for {@code info.version}
     * @return the document
     */
    public ObjectNode openApi(String version) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Quantplug API");
        info.put("version", version);
        info.put("description", "JSON API of the Quantplug server. Decimals are strings, times ISO-8601 UTC."
                + " Sign in with POST /api/auth/login: browsers get an HttpOnly, SameSite=Strict session cookie and"
                + " must send the csrfToken from the login or /api/auth/me answer in the X-CSRF-Token header on"
                + " POST, PUT, PATCH and DELETE; scripts send the token from the login answer as"
                + " 'Authorization: Bearer TOKEN' and need no CSRF header. Roles: viewer < trader < admin."
                + " Errors: {status, error, field, message}.");
        ObjectNode paths = doc.putObject("paths");
        BodySchemas.Document bodySchemas = new BodySchemas().document();
        for (Endpoint e : endpoints) {
            ObjectNode path = paths.has(e.path()) ? (ObjectNode) paths.get(e.path()) : paths.putObject(e.path());
            ObjectNode op = path.putObject(e.method().name().toLowerCase(Locale.ROOT));
            op.put("summary", e.summary());
            op.putArray("tags").add(e.tag());
            op.put("x-quantplug-role", e.access().name().toLowerCase(Locale.ROOT));
            Matcher m = PATH_PARAM.matcher(e.path());
            ArrayNode params = null;
            while (m.find()) {
                params = params == null ? op.putArray("parameters") : params;
                ObjectNode p = params.addObject();
                p.put("name", m.group(1));
                p.put("in", "path");
                p.put("required", true);
                p.putObject("schema").put("type", "string");
            }
            if (e.body() != null) {
                requestBody(op, e.body(), bodySchemas);
            }
            if (e.access() != Access.PUBLIC) {
                ArrayNode sec = op.putArray("security");
                sec.addObject().putArray("session");
                sec.addObject().putArray("bearer");
            }
            ObjectNode responses = op.putObject("responses");
            responses.putObject("200").put("description", "OK");
            ObjectNode err = responses.putObject("4XX");
            err.put("description", "Refused; nothing changed");
            err.putObject("content").putObject("application/json").putObject("schema")
                    .put("$ref", "#/components/schemas/Error");
        }
        ObjectNode components = doc.putObject("components");
        ObjectNode schemes = components.putObject("securitySchemes");
        ObjectNode cookie = schemes.putObject("session");
        cookie.put("type", "apiKey");
        cookie.put("in", "cookie");
        cookie.put("name", io.quantplug.web.auth.Sessions.COOKIE);
        ObjectNode bearer = schemes.putObject("bearer");
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        ObjectNode allSchemas = components.putObject("schemas");
        allSchemas.setAll(bodySchemas.definitions());
        ObjectNode error = allSchemas.putObject("Error");
        error.put("type", "object");
        ObjectNode props = error.putObject("properties");
        props.putObject("status").put("type", "integer");
        props.putObject("error").put("type", "string");
        props.putObject("field").put("type", "string").put("nullable", true);
        props.putObject("message").put("type", "string");
        return doc;
    }

    /** Describes an endpoint's body; a JSON body's schema goes under {@code components/schemas}. */
    private static void requestBody(ObjectNode op, Class<?> body, BodySchemas.Document bodySchemas) {
        ObjectNode rb = op.putObject("requestBody");
        rb.put("required", true);
        ObjectNode content = rb.putObject("content");
        if (body == MULTIPART_FILE) {
            ObjectNode schema = content.putObject("multipart/form-data").putObject("schema");
            schema.put("type", "object");
            schema.putArray("required").add("file");
            ObjectNode file = schema.putObject("properties").putObject("file");
            file.put("type", "string");
            file.put("contentMediaType", "application/octet-stream");
            return;
        }
        content.putObject("application/json").set("schema", bodySchemas.ref(body));
    }
}
