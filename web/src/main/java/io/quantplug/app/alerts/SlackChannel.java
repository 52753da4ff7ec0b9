package io.quantplug.app.alerts;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.webhook.Payload;
import com.slack.api.webhook.WebhookResponse;

import java.io.IOException;

/**
 * Sends each alert to Slack with Slack's own Java client ({@code com.slack.api:slack-api-client}): either to an
 * incoming webhook (a secret URL; JSON {@code {"text": ...}}) or, with a bot token, through the Web API's
 * {@code chat.postMessage} to a channel. The webhook URL and the token are secrets, masked in every message.
 */
final class SlackChannel implements AlertChannel {

    /** The Web API's address (the client's default). */
    static final String DEFAULT_BASE_URL = "https://slack.com";

    private final String name;
    private final String webhookUrl;
    private final String token;
    private final String channel;
    private final Slack slack;
    private final SecretMask mask;

    /**
     * Creates the channel: a webhook one when {@code webhookUrl} is given, else a {@code chat.postMessage} one.
     *
     * @param name       the channel's name
     * @param webhookUrl the incoming webhook's URL, or null
     * @param token      the bot token for {@code chat.postMessage}, or null with a webhook
     * @param channel    the Slack channel for {@code chat.postMessage} (e.g. {@code #alerts} or an id), or null
     * @param baseUrl    the Web API's base URL, without a trailing slash
     */
    SlackChannel(String name, String webhookUrl, String token, String channel, String baseUrl) {
        this.name = name;
        this.webhookUrl = webhookUrl;
        this.token = token;
        this.channel = channel;
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(baseUrl + "/api/");
        config.setPrettyResponseLoggingEnabled(false);
        this.slack = Slack.getInstance(config);
        this.mask = new SecretMask(webhookUrl, token);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void send(Alert alert) {
        try {
            if (webhookUrl != null) {
                WebhookResponse r = slack.send(webhookUrl, Payload.builder().text(alert.text()).build());
                if (r.getCode() == null || r.getCode() / 100 != 2) {
                    throw mask.failure(name, "the incoming webhook answered HTTP " + r.getCode() + ": "
                            + r.getBody(), null);
                }
            } else {
                ChatPostMessageResponse r = slack.methods(token)
                        .chatPostMessage(m -> m.channel(channel).text(alert.text()));
                if (!r.isOk()) {
                    throw mask.failure(name, "chat.postMessage failed: " + r.getError(), null);
                }
            }
        } catch (SlackApiException e) {
            throw mask.failure(name, "the Web API answered HTTP " + e.getResponse().code(), null);
        } catch (IOException e) {
            throw mask.failure(name, "cannot reach Slack", e);
        }
    }

    @Override
    public void close() {
        try {
            slack.close();
        } catch (Exception ignored) {
            // nothing left to free
        }
    }
}
