package io.quantplug.app.alerts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;
import java.util.Set;

/**
 * One entry of {@code alerts.yaml}'s {@code channels} list, as written; {@code type} selects the record. Every
 * entry has a {@code name}, optionally the alert {@code kinds} it takes (all when absent), and optionally its own
 * {@code minIntervalSeconds} and {@code maxPerHour} (the file's defaults when absent).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ChannelEntry.Webhook.class, name = "webhook"),
    @JsonSubTypes.Type(value = ChannelEntry.Telegram.class, name = "telegram"),
    @JsonSubTypes.Type(value = ChannelEntry.Slack.class, name = "slack"),
    @JsonSubTypes.Type(value = ChannelEntry.Email.class, name = "email")})
public sealed interface ChannelEntry {

    /**
     * The channel's name.
     *
     * @return the name, or null when missing (refused by {@link AlertsFile#read})
     */
    String name();

    /**
     * The kinds the channel takes.
     *
     * @return the kinds, or null for all
     */
    Set<AlertKind> kinds();

    /**
     * The least time between two alerts of one condition on this channel.
     *
     * @return seconds, or null for the file's default
     */
    Long minIntervalSeconds();

    /**
     * The most alerts an hour on this channel.
     *
     * @return the count, or null for the file's default
     */
    Integer maxPerHour();

    /**
     * A generic webhook: a JSON POST to {@code url}.
     *
     * @param name               the channel's name
     * @param kinds              the kinds it takes, or null for all
     * @param minIntervalSeconds per-condition interval, or null
     * @param maxPerHour         channel limit, or null
     * @param url                where to post (http or https)
     * @param bearerToken        where the token for {@code Authorization: Bearer} is kept, or null for none
     */
    record Webhook(String name, Set<AlertKind> kinds, Long minIntervalSeconds, Integer maxPerHour, String url,
                   SecretRef bearerToken) implements ChannelEntry {
    }

    /**
     * Telegram's Bot API {@code sendMessage}.
     *
     * @param name               the channel's name
     * @param kinds              the kinds it takes, or null for all
     * @param minIntervalSeconds per-condition interval, or null
     * @param maxPerHour         channel limit, or null
     * @param token              where the bot token is kept
     * @param chatId             the chat to write to
     * @param baseUrl            the Bot API's base URL, or null for {@code https://api.telegram.org}
     */
    record Telegram(String name, Set<AlertKind> kinds, Long minIntervalSeconds, Integer maxPerHour, SecretRef token,
                    String chatId, String baseUrl) implements ChannelEntry {
    }

    /**
     * Slack: an incoming webhook, or {@code chat.postMessage} with a bot token.
     *
     * @param name               the channel's name
     * @param kinds              the kinds it takes, or null for all
     * @param minIntervalSeconds per-condition interval, or null
     * @param maxPerHour         channel limit, or null
     * @param webhookUrl         where the incoming webhook's (secret) URL is kept, or null
     * @param token              where the bot token is kept, or null (then {@code webhookUrl} is needed)
     * @param channel            the Slack channel for {@code chat.postMessage}
     * @param baseUrl            the Web API's base URL, or null for {@code https://slack.com}
     */
    record Slack(String name, Set<AlertKind> kinds, Long minIntervalSeconds, Integer maxPerHour, SecretRef webhookUrl,
                 SecretRef token, String channel, String baseUrl) implements ChannelEntry {
    }

    /**
     * E-mail over SMTP.
     *
     * @param name               the channel's name
     * @param kinds              the kinds it takes, or null for all
     * @param minIntervalSeconds per-condition interval, or null
     * @param maxPerHour         channel limit, or null
     * @param host               the SMTP server
     * @param port               its port, or null for 587
     * @param transport          {@code smtp}, {@code starttls} or {@code smtps}, or null for {@code starttls}
     * @param username           the SMTP user, or null for none
     * @param password           where the SMTP password is kept, or null for none
     * @param from               the sender address
     * @param to                 the recipients
     */
    record Email(String name, Set<AlertKind> kinds, Long minIntervalSeconds, Integer maxPerHour, String host,
                 Integer port, String transport, String username, SecretRef password, String from, List<String> to)
            implements ChannelEntry {
    }
}
