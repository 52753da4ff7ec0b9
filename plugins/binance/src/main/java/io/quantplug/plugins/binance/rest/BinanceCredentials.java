package io.quantplug.plugins.binance.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An API key and the signer of its secret. Never a parameter, never logged: {@link #toString()} shows neither part,
 * and no exception message built here quotes them.
 *
 * <p>Read from the environment by {@link #fromEnvironment(UnaryOperator)}:
 * <ul>
 *   <li>{@code QUANTPLUG_BINANCE_API_KEY}, or {@code QUANTPLUG_BINANCE_API_KEY_FILE} naming a file holding it;</li>
 *   <li>{@code QUANTPLUG_BINANCE_API_SECRET}, or {@code QUANTPLUG_BINANCE_API_SECRET_FILE} naming a file holding
 *       it. A secret that is a PKCS#8 PEM private key selects {@link Ed25519Signer}; any other text is an HMAC
 *       secret ({@link HmacSha256Signer}).</li>
 * </ul>
 *
 * @param apiKey the API key, sent as the {@code X-MBX-APIKEY} header
 * @param signer signs the requests
 */
public record BinanceCredentials(String apiKey, RequestSigner signer) {

    /** Environment variable holding the API key. */
    public static final String API_KEY = "QUANTPLUG_BINANCE_API_KEY";
    /** Environment variable holding the API secret (HMAC secret or Ed25519 PKCS#8 PEM). */
    public static final String API_SECRET = "QUANTPLUG_BINANCE_API_SECRET";

    /**
     * Checks both parts.
     *
     * @param apiKey the API key, not blank
     * @param signer signs the requests
     * @throws IllegalArgumentException when the key is blank or has characters a header cannot carry
     */
    public BinanceCredentials {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(signer, "signer");
        apiKey = apiKey.strip();
        if (apiKey.isEmpty() || !apiKey.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException("the Binance API key is blank or has non-printable characters");
        }
    }

    /**
     * Reads the credentials from environment variables.
     *
     * @param environment looks a variable up by name ({@code System::getenv} in production), returns null when unset
     * @return the credentials, or empty when neither the key nor the secret is set
     * @throws IllegalArgumentException when only one of them is set, or the secret is unusable; the message names
     *                                  the variables, never their values
     * @throws UncheckedIOException     when a {@code _FILE} variable names a file that cannot be read
     */
    public static Optional<BinanceCredentials> fromEnvironment(UnaryOperator<String> environment) {
        Objects.requireNonNull(environment, "environment");
        String key = lookUp(environment, API_KEY);
        String secret = lookUp(environment, API_SECRET);
        if (key == null && secret == null) {
            return Optional.empty();
        }
        if (key == null || secret == null) {
            throw new IllegalArgumentException("Binance credentials are incomplete: set both " + API_KEY + " (or "
                    + API_KEY + "_FILE) and " + API_SECRET + " (or " + API_SECRET + "_FILE)");
        }
        RequestSigner signer = Ed25519Signer.isPem(secret) ? new Ed25519Signer(secret) : new HmacSha256Signer(secret);
        return Optional.of(new BinanceCredentials(key, signer));
    }

    private static String lookUp(UnaryOperator<String> environment, String name) {
        String value = environment.apply(name);
        if (value != null && !value.isBlank()) {
            return value;
        }
        String file = environment.apply(name + "_FILE");
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            String text = Files.readString(Path.of(file.strip()));
            return text.isBlank() ? null : text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the file named by " + name + "_FILE: " + file.strip(),
                    new IOException(e.getClass().getSimpleName()));
        }
    }

    @Override
    public String toString() {
        return "BinanceCredentials[apiKey=***, signer=" + signer.algorithm() + "]";
    }
}
