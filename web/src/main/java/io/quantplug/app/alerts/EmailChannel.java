package io.quantplug.app.alerts;

import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailerBuilder;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends each alert as a plain-text e-mail over SMTP with the Simple Java Mail library (Jakarta Mail underneath):
 * subject {@link Alert#title()}, body {@link Alert#text()}. The SMTP password is masked in every message.
 */
final class EmailChannel implements AlertChannel {

    /** How long one delivery may take, in milliseconds (connection, and the SMTP session). */
    static final int TIMEOUT_MILLIS = 10_000;

    private final String name;
    private final String from;
    private final List<String> to;
    private final Mailer mailer;
    private final SecretMask mask;

    /**
     * Creates the channel.
     *
     * @param name      the channel's name
     * @param host      the SMTP server
     * @param port      its port, 1..65535
     * @param transport {@code SMTP} (STARTTLS when offered), {@code SMTP_TLS} (STARTTLS required) or {@code SMTPS}
     * @param username  the SMTP user, or null for none
     * @param password  the SMTP password, or null for none
     * @param from      the sender address
     * @param to        the recipients, at least one
     */
    EmailChannel(String name, String host, int port, TransportStrategy transport, String username, String password,
                 String from, List<String> to) {
        this.name = name;
        this.from = from;
        this.to = List.copyOf(to);
        this.mailer = MailerBuilder.withSMTPServer(host, port, username, password).withTransportStrategy(transport)
                .withSessionTimeout(TIMEOUT_MILLIS).buildMailer();
        this.mask = new SecretMask(password);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void send(Alert alert) {
        Email email = EmailBuilder.startingBlank().from(from).toMultiple(to).withSubject(alert.title())
                .withPlainText(alert.text()).buildEmail();
        try {
            mailer.sendMail(email).get(TIMEOUT_MILLIS * 2L, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw mask.failure(name, "SMTP delivery failed", rootCause(e));
        } catch (TimeoutException e) {
            throw mask.failure(name, "SMTP delivery timed out", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw mask.failure(name, "SMTP delivery interrupted", null);
        } catch (RuntimeException e) {
            throw mask.failure(name, "SMTP delivery failed", rootCause(e));
        }
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
