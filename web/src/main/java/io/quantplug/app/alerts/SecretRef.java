package io.quantplug.app.alerts;

import io.quantplug.app.UserInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where {@code alerts.yaml} says a secret (a bot token, a password, a secret webhook URL) is kept: an environment
 * variable or a file, never the YAML itself. Written {@code {env: NAME}} or {@code {file: PATH}}.
 *
 * @param env  the environment variable holding the secret, or null
 * @param file the file whose first line is the secret (relative to the YAML file's folder), or null
 */
public record SecretRef(String env, String file) {

    /**
     * Reads the secret.
     *
     * @param environment the process environment
     * @param folder      the YAML file's folder, against which a relative {@code file} is resolved
     * @param where       the key in the YAML file, e.g. {@code channels[1].token}, for the message
     * @return the secret, stripped; never blank
     * @throws UserInputException naming {@code where} (never the secret) when neither or both sources are given, the
     *                            variable is unset or blank, or the file is unreadable or empty
     */
    public String resolve(Map<String, String> environment, Path folder, String where) {
        if ((env == null) == (file == null)) {
            throw new UserInputException(where + ": give exactly one of 'env' (an environment variable) or 'file'");
        }
        String value;
        if (env != null) {
            value = environment.get(env);
            if (value == null || value.isBlank()) {
                throw new UserInputException(where + ": environment variable " + env + " is not set");
            }
        } else {
            Path p = folder.resolve(file);
            try {
                value = Files.readAllLines(p, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            } catch (IOException e) {
                throw new UserInputException(where + ": cannot read secret file " + p + " ("
                        + e.getClass().getSimpleName() + ")");
            }
            if (value.isBlank()) {
                throw new UserInputException(where + ": secret file " + p + " is empty");
            }
        }
        return value.strip();
    }
}
