package io.quantplug.app.alerts;

import io.quantplug.app.UserInputException;
import org.simplejavamail.api.mailer.config.TransportStrategy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the channels of {@code alerts.yaml}'s entries: checks each entry's keys, reads its secrets from the
 * environment or their files, and creates the channel. Messages name the file, the entry and the key, never a
 * secret's value.
 */
final class AlertChannels {

    private final Path file;
    private final Map<String, String> environment;
    private final JsonPost post;

    /**
     * Creates the factory.
     *
     * @param file        the YAML file (its folder resolves relative secret files)
     * @param environment the process environment, where {@code {env: NAME}} secrets are read
     * @param post        the HTTP client the webhook and Telegram channels share
     */
    AlertChannels(Path file, Map<String, String> environment, JsonPost post) {
        this.file = file;
        this.environment = environment;
        this.post = post;
    }

    /**
     * Builds one channel.
     *
     * @param e     the entry
     * @param index its place in {@code channels}
     * @return the channel
     * @throws UserInputException naming the file, {@code channels[index]} and the key at fault
     */
    AlertChannel open(ChannelEntry e, int index) {
        String where = file + ": channels[" + index + "]";
        if (e instanceof ChannelEntry.Webhook w) {
            return new WebhookChannel(w.name(), httpUri(where + ".url", w.url()),
                    w.bearerToken() == null ? null : secret(w.bearerToken(), where + ".bearerToken"), post);
        }
        if (e instanceof ChannelEntry.Telegram t) {
            return new TelegramChannel(t.name(), baseUrl(where, t.baseUrl(), TelegramChannel.DEFAULT_BASE_URL),
                    secret(required(where + ".token", t.token()), where + ".token"),
                    required(where + ".chatId", t.chatId()), post, post.json());
        }
        if (e instanceof ChannelEntry.Slack s) {
            return slack(where, s);
        }
        ChannelEntry.Email m = (ChannelEntry.Email) e;
        return new EmailChannel(m.name(), required(where + ".host", m.host()), port(where, m.port()),
                transport(where, m.transport()), m.username(),
                m.password() == null ? null : secret(m.password(), where + ".password"),
                required(where + ".from", m.from()),
                required(where + ".to", m.to() == null || m.to().isEmpty() ? null : m.to()));
    }

    private AlertChannel slack(String where, ChannelEntry.Slack s) {
        if ((s.webhookUrl() == null) == (s.token() == null)) {
            throw new UserInputException(where + ": give either 'webhookUrl' (an incoming webhook) or 'token' and"
                    + " 'channel' (chat.postMessage)");
        }
        String base = baseUrl(where, s.baseUrl(), SlackChannel.DEFAULT_BASE_URL);
        if (s.webhookUrl() != null) {
            String url = secret(s.webhookUrl(), where + ".webhookUrl");
            httpUri(where + ".webhookUrl", url);
            return new SlackChannel(s.name(), url, null, null, base);
        }
        return new SlackChannel(s.name(), null, secret(s.token(), where + ".token"),
                required(where + ".channel", s.channel()), base);
    }

    private String secret(SecretRef ref, String where) {
        return ref.resolve(environment, file.toAbsolutePath().getParent(), where);
    }

    private static <T> T required(String key, T value) {
        if (value == null || value instanceof String str && str.isBlank()) {
            throw new UserInputException(key + " is missing");
        }
        return value;
    }

    private static URI httpUri(String key, String url) {
        required(key, url);
        try {
            URI u = URI.create(url.strip());
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
                return u;
            }
        } catch (IllegalArgumentException ignored) {
            // refused below, without quoting the value (it may be a secret URL)
        }
        throw new UserInputException(key + " is not an http(s) URL");
    }

    private static String baseUrl(String where, String value, String fallback) {
        if (value == null) {
            return fallback;
        }
        String s = value.strip().replaceAll("/+$", "");
        httpUri(where + ".baseUrl", s);
        return s;
    }

    private static int port(String where, Integer port) {
        int p = port == null ? 587 : port;
        if (p < 1 || p > 65_535) {
            throw new UserInputException(where + ".port = " + p + " is out of range: allowed 1..65535");
        }
        return p;
    }

    private static TransportStrategy transport(String where, String transport) {
        return switch (transport == null ? "starttls" : transport.strip().toLowerCase(Locale.ROOT)) {
            case "smtp" -> TransportStrategy.SMTP;
            case "starttls" -> TransportStrategy.SMTP_TLS;
            case "smtps" -> TransportStrategy.SMTPS;
            default -> throw new UserInputException(where + ".transport = '" + transport
                    + "' is not allowed: smtp, starttls or smtps");
        };
    }
}
