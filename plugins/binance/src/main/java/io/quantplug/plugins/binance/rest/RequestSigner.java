package io.quantplug.plugins.binance.rest;

/**
 * Computes the {@code signature} parameter of a SIGNED Binance request from the exact query string sent
 * (Binance spot "Request Security": SIGNED endpoint examples for HMAC and Ed25519 keys).
 *
 * <p>Implementations hold secret material: their {@code toString} never shows it. Thread-safe.
 */
public sealed interface RequestSigner permits HmacSha256Signer, Ed25519Signer {

    /**
     * Signs a payload.
     *
     * @param payload the percent-encoded query string, parameters in the order sent, without {@code signature}
     * @return the signature text to send: lower-case hex for HMAC-SHA256, base64 for Ed25519
     */
    String sign(String payload);

    /**
     * The key type, for messages.
     *
     * @return {@code HMAC-SHA256} or {@code Ed25519}
     */
    String algorithm();
}
