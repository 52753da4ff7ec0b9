package io.quantplug.plugins.binance.rest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs with an Ed25519 private key (RFC 8032, pure Ed25519) over the UTF-8 payload, base64-encoded, as Binance's
 * "SIGNED request example (Ed25519)". The key is an unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}),
 * what {@code openssl genpkey -algorithm ed25519} and Binance's key generator write. Uses the JDK's
 * {@code Signature.getInstance("Ed25519")}; thread-safe (a {@link Signature} per call).
 */
public final class Ed25519Signer implements RequestSigner {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private final PrivateKey key;

    /**
     * Reads a PKCS#8 PEM private key.
     *
     * @param pem the PEM text
     * @throws IllegalArgumentException when the text is not an unencrypted PKCS#8 Ed25519 key (the message never
     *                                  quotes the key)
     */
    public Ed25519Signer(String pem) {
        Objects.requireNonNull(pem, "pem");
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the Ed25519 key is not a PKCS#8 PEM (" + BEGIN + " ... " + END + ")");
        }
        String base64 = pem.substring(begin + BEGIN.length(), end).replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            this.key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("the PEM does not hold an unencrypted PKCS#8 Ed25519 private key");
        }
    }

    /**
     * Whether a secret text is a PEM private key (and so belongs to this signer rather than HMAC).
     *
     * @param secret the secret text
     * @return true when it contains a PKCS#8 PEM header
     */
    public static boolean isPem(String secret) {
        return secret.contains(BEGIN);
    }

    @Override
    public String sign(String payload) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    @Override
    public String algorithm() {
        return "Ed25519";
    }

    @Override
    public String toString() {
        return "Ed25519Signer[privateKey=***]";
    }
}
