package io.quantplug.app.alerts;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Posts each alert as a JSON object to a URL (a generic webhook: a chat bridge, an incident tool, a script):
 * {@code {"kind", "time" (ISO-8601 UTC), "timeMillis", "session", "instrument" (null when none), "message",
 * "text"}}, with an optional {@code Authorization: Bearer} token. A 2xx answer counts as delivered.
 */
final class WebhookChannel implements AlertChannel {

    private final String name;
    private final URI url;
    private final String bearerToken;
    private final JsonPost post;
    private final SecretMask mask;

    /**
     * Creates the channel.
     *
     * @param name        the channel's name
     * @param url         where to post
     * @param bearerToken the token for {@code Authorization: Bearer}, or null for none
     * @param post        the HTTP client
     */
    WebhookChannel(String name, URI url, String bearerToken, JsonPost post) {
        this.name = name;
        this.url = url;
        this.bearerToken = bearerToken;
        this.post = post;
        this.mask = new SecretMask(bearerToken);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void send(Alert alert) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", alert.kind().name());
        body.put("time", Instant.ofEpochMilli(alert.timeMillis()).toString());
        body.put("timeMillis", alert.timeMillis());
        body.put("session", alert.session());
        body.put("instrument", alert.instrument());
        body.put("message", alert.message());
        body.put("text", alert.text());
        if (bearerToken == null) {
            post.post(name, url, body, mask);
        } else {
            post.post(name, url, body, mask, "Authorization", "Bearer " + bearerToken);
        }
    }
}
