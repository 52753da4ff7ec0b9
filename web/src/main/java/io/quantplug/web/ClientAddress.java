package io.quantplug.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * Who is on the other end of a request, and whether they reached the server over HTTPS — seen through trusted
 * reverse proxies. Without trusted proxies (the default) the client is the TCP peer and the scheme the connection's.
 * When the peer is a trusted proxy ({@code --trusted-proxy}, addresses or CIDR blocks such as {@code 10.0.0.0/8}),
 * the client is the right-most address of {@code X-Forwarded-For} that is not itself a trusted proxy, and the scheme
 * the last {@code X-Forwarded-Proto}; these headers are ignored from any other peer, so a client cannot forge them.
 * Sign-in limits, the audit log and the cookie's {@code Secure} flag (and HSTS) use this view.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class ClientAddress {

    /** The request attribute holding the resolved {@link Client}. */
    static final String ATTRIBUTE = "quantplug.client";

    /**
     * A resolved client.
     *
     * @param address the client's address, text
     * @param https   whether the client's connection (to the proxy, if any) is HTTPS
     */
    public record Client(String address, boolean https) {
    }

    private final InetAddressSet trusted = new InetAddressSet();
    private final List<String> patterns;

    /**
     * Creates a resolver.
     *
     * @param trustedProxies addresses ({@code 127.0.0.1}, {@code ::1}) and CIDR blocks ({@code 10.0.0.0/8}) of the
     *                       reverse proxies whose forwarding headers are believed; empty to believe none
     * @throws IllegalArgumentException naming the entry when one is not an address or block
     */
    public ClientAddress(List<String> trustedProxies) {
        this.patterns = List.copyOf(trustedProxies);
        for (String p : patterns) {
            try {
                trusted.add(p.strip());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("trusted proxy '" + p + "' is not an address or CIDR block", e);
            }
        }
    }

    /**
     * The trusted proxies as given.
     *
     * @return the entries
     */
    public List<String> trustedProxies() {
        return patterns;
    }

    /**
     * The client of a request (resolved once and kept on the request).
     *
     * @param ctx the request
     * @return the client
     */
    public Client of(Context ctx) {
        Client known = ctx.attribute(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        String peer = ctx.req().getRemoteAddr();
        Client c = new Client(peer, "https".equalsIgnoreCase(ctx.scheme()));
        if (!patterns.isEmpty() && isTrusted(peer)) {
            c = forwarded(ctx, c);
        }
        ctx.attribute(ATTRIBUTE, c);
        return c;
    }

    private Client forwarded(Context ctx, Client peer) {
        String address = peer.address();
        String chain = String.join(",", ctx.req().getHeaders("X-Forwarded-For") == null ? List.of()
                : java.util.Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
        String[] hops = chain.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty()) {
                continue;
            }
            address = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        boolean https = peer.https();
        String proto = ctx.header("X-Forwarded-Proto");
        if (proto != null && !proto.isBlank()) {
            String[] protos = proto.split(",");
            https = "https".equals(protos[protos.length - 1].strip().toLowerCase(Locale.ROOT));
        }
        return new Client(address.length() > 64 ? address.substring(0, 64) : address, https);
    }

    private boolean isTrusted(String text) {
        if (!looksLikeAddress(text)) {
            return false;
        }
        try {
            return trusted.test(InetAddress.getByName(text)); // a literal: no name lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Only literals are resolved: a forwarded host name never triggers a DNS lookup. */
    private static boolean looksLikeAddress(String text) {
        return !text.isEmpty() && text.length() <= 45 && text.chars().allMatch(ch -> Character.digit(ch, 16) >= 0
                || ch == '.' || ch == ':');
    }
}
