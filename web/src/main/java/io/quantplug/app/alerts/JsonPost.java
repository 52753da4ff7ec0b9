package io.quantplug.app.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts a JSON body with the JDK's {@code java.net.http} client and hands back the answer of a 2xx status; anything
 * else becomes an {@link AlertDeliveryException} with the channel's secrets masked. Used by the webhook and Telegram
 * channels. Thread-safe (the JDK client is).
 */
final class JsonPost {

    /** How long one request may take, connection included. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final ObjectMapper json;

    JsonPost(HttpClient http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    /** The mapper that writes the bodies, for reading answers too. */
    ObjectMapper json() {
        return json;
    }

    /**
     * Posts {@code body} as JSON.
     *
     * @param channel the channel's name, for the message
     * @param uri     where to
     * @param body    what, serialized by Jackson
     * @param mask    the channel's secrets, hidden in every message
     * @param headers extra header names and values, alternating
     * @return the answer's body
     * @throws AlertDeliveryException on a network error, a time-out, an interrupt or a status outside 2xx
     */
    String post(String channel, URI uri, Object body, SecretMask mask, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8");
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response;
        try {
            request.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (JsonProcessingException e) {
            throw mask.failure(channel, "cannot write the JSON body", e);
        } catch (IOException e) {
            throw mask.failure(channel, "POST " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw mask.failure(channel, "POST " + uri + " interrupted", null);
        }
        if (response.statusCode() / 100 != 2) {
            String text = response.body() == null ? "" : response.body().strip();
            throw mask.failure(channel, "POST " + uri + " answered HTTP " + response.statusCode()
                    + (text.isEmpty() ? "" : ": " + (text.length() > 200 ? text.substring(0, 200) + "..." : text)),
                    null);
        }
        return response.body();
    }
}
