package io.quantplug.app.alerts;

import io.quantplug.runtime.store.Secrets;

import java.util.List;
import java.util.Objects;

/**
 * Hides a channel's secrets in any text before it is logged or thrown: each secret, wherever it appears verbatim,
 * and passwords in URLs, become {@value Secrets#MASK} (the store's masking, {@link Secrets}). Immutable.
 */
final class SecretMask {

    private final List<String> secrets;

    SecretMask(String... secrets) {
        this.secrets = java.util.Arrays.stream(secrets).filter(Objects::nonNull).filter(s -> !s.isEmpty()).toList();
    }

    String apply(String text) {
        String masked = text;
        for (String s : secrets) {
            masked = Secrets.mask(masked, s);
        }
        return Secrets.maskUrl(masked);
    }

    /** A delivery failure of {@code channel}: the message masked, the cause's class and (masked) message appended. */
    AlertDeliveryException failure(String channel, String what, Throwable cause) {
        String detail = cause == null ? "" : ": " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new AlertDeliveryException(apply("channel '" + channel + "': " + what + detail));
    }
}
