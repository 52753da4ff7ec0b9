package io.quantplug.app.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * Sends each alert as a Telegram message through the Bot API's {@code sendMessage} method
 * ({@code POST {baseUrl}/bot{token}/sendMessage} with {@code chat_id} and {@code text}, as documented at
 * core.telegram.org/bots/api#sendmessage). Delivered when the answer is {@code {"ok": true, ...}}. The bot token is
 * part of the URL, so every message about a failure has it masked.
 */
final class TelegramChannel implements AlertChannel {

    /** The Bot API's address. */
    static final String DEFAULT_BASE_URL = "https://api.telegram.org";

    private final String name;
    private final String baseUrl;
    private final String token;
    private final String chatId;
    private final JsonPost post;
    private final ObjectMapper json;
    private final SecretMask mask;

    /**
     * Creates the channel.
     *
     * @param name    the channel's name
     * @param baseUrl the Bot API's base URL, without a trailing slash
     * @param token   the bot token
     * @param chatId  the chat's id (a number, or {@code @channelname})
     * @param post    the HTTP client
     * @param json    reads the answers
     */
    TelegramChannel(String name, String baseUrl, String token, String chatId, JsonPost post, ObjectMapper json) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.token = token;
        this.chatId = chatId;
        this.post = post;
        this.json = json;
        this.mask = new SecretMask(token);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void send(Alert alert) {
        String answer = post.post(name, URI.create(baseUrl + "/bot" + token + "/sendMessage"),
                Map.of("chat_id", chatId, "text", alert.text(), "disable_web_page_preview", true), mask);
        JsonNode ok;
        try {
            ok = json.readTree(answer).path("ok");
        } catch (IOException e) {
            throw mask.failure(name, "the Bot API's answer is not JSON", e);
        }
        if (!ok.asBoolean(false)) {
            throw mask.failure(name, "the Bot API did not accept the message: " + answer, null);
        }
    }
}
