package io.quantplug.plugins.binance.rest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Signs with an HMAC secret: HMAC-SHA256 (RFC 2104 with SHA-256, FIPS 180-4) of the UTF-8 payload keyed by the
 * secret's UTF-8 bytes, as lower-case hex; Binance's "SIGNED endpoint example for POST /api/v3/order" with HMAC keys.
 * Thread-safe (a {@link Mac} per call).
 */
public final class HmacSha256Signer implements RequestSigner {

    private final SecretKeySpec key;

    /**
     * Creates a signer.
     *
     * @param secret the API secret, not blank; kept only inside the key object
     * @throws IllegalArgumentException when the secret is blank
     */
    public HmacSha256Signer(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isBlank()) {
            throw new IllegalArgumentException("the HMAC secret is blank");
        }
        this.key = new SecretKeySpec(secret.strip().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @Override
    public String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    @Override
    public String algorithm() {
        return "HMAC-SHA256";
    }

    @Override
    public String toString() {
        return "HmacSha256Signer[secret=***]";
    }
}
