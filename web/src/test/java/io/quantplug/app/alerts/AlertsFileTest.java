package io.quantplug.app.alerts;

import io.quantplug.app.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A malformed alerts.yaml is refused with the file, the line and the key; secrets never appear in a message. */
class AlertsFileTest {

    @TempDir
    Path home;

    Path write(String yaml) throws Exception {
        return Files.writeString(home.resolve(AlertsFile.FILE_NAME), yaml);
    }

    @Test
    void anUnknownKeyIsNamedWithItsLine() throws Exception {
        Path file = write("""
                channels:
                  - name: tg
                    type: telegram
                    chatId: "42"
                    tokn: {env: TG_TOKEN}
                """);
        assertThatThrownBy(() -> AlertsFile.read(file)).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(file + " line 5, column 5: unknown key 'channels[0].tokn'; allowed: ")
                .hasMessageContaining("token");
    }

    @Test
    void anUnknownTypeOrKindIsNamed() throws Exception {
        Path typo = write("channels:\n  - {name: x, type: telegrm}\n");
        assertThatThrownBy(() -> AlertsFile.read(typo)).hasMessageStartingWith(typo + " line 2")
                .hasMessageContaining("'channels[0]'").hasMessageContaining("telegrm");
        Path kind = write("channels:\n  - name: x\n    type: webhook\n    kinds: [DISCONECT]\n");
        assertThatThrownBy(() -> AlertsFile.read(kind)).hasMessageStartingWith(kind + " line 4")
                .hasMessageContaining("'channels[0].kinds[0]'").hasMessageContaining("DISCONECT");
    }

    @Test
    void aSyntaxErrorNamesTheLine() throws Exception {
        Path file = write("channels:\n  - name: x: y\n");
        assertThatThrownBy(() -> AlertsFile.read(file)).hasMessageStartingWith(file + " line 2")
                .hasMessageContaining("mapping values are not allowed");
        Path noType = write("channels:\n  - name: x\n   type: webhook\n");
        assertThatThrownBy(() -> AlertsFile.read(noType)).hasMessageStartingWith(noType + " line 3")
                .hasMessageContaining("'channels[0]'").hasMessageContaining("missing type id property 'type'");
    }

    @Test
    void rangesAndMissingKeysAreNamed() throws Exception {
        Path range = write("minIntervalSeconds: -1\nchannels:\n  - {name: x, type: webhook, url: \"http://h/\"}\n");
        assertThatThrownBy(() -> AlertsFile.read(range))
                .hasMessage(range + ": minIntervalSeconds = -1 is out of range: allowed 0..86400");
        Path noChat = write("channels:\n  - {name: tg, type: telegram, token: {env: T}}\n");
        assertThatThrownBy(() -> AlertsFile.read(noChat).openChannels(noChat, Map.of("T", "x")))
                .hasMessage(noChat + ": channels[0].chatId is missing");
        Path twice = write("channels:\n  - {name: a, type: webhook, url: \"http://h/\"}\n"
                + "  - {name: a, type: webhook, url: \"http://h/\"}\n");
        assertThatThrownBy(() -> AlertsFile.read(twice)).hasMessage(twice + ": channels[1].name 'a' is used twice");
        Path empty = write("disconnectAfterSeconds: 30\n");
        assertThatThrownBy(() -> AlertsFile.read(empty)).hasMessageContaining("'channels' is missing or empty");
    }

    @Test
    void aSecretIsReadFromTheEnvironmentOrAFileAndNeverQuoted() throws Exception {
        Path file = write("channels:\n  - {name: hook, type: webhook, url: \"http://127.0.0.1:9/x\","
                + " bearerToken: {env: HOOK_TOKEN}}\n");
        assertThatThrownBy(() -> AlertsFile.read(file).openChannels(file, Map.of()))
                .hasMessage(file + ": channels[0].bearerToken: environment variable HOOK_TOKEN is not set");
        Path both = write("channels:\n  - {name: hook, type: webhook, url: \"http://h/\","
                + " bearerToken: {env: A, file: b.txt}}\n");
        assertThatThrownBy(() -> AlertsFile.read(both).openChannels(both, Map.of("A", "s")))
                .hasMessageContaining("channels[0].bearerToken: give exactly one of 'env'");
        Path slackUrl = write("channels:\n  - {name: s, type: slack, webhookUrl: {env: HOOK}}\n");
        assertThatThrownBy(() -> AlertsFile.read(slackUrl).openChannels(slackUrl,
                Map.of("HOOK", "not-a-url-T000-secret"))).hasMessage(slackUrl
                + ": channels[0].webhookUrl is not an http(s) URL");
    }

    @Test
    void defaultsApplyWhenAbsent() throws Exception {
        AlertsFile f = AlertsFile.read(write("channels:\n  - {name: a, type: webhook, url: \"http://h/\"}\n"));
        assertThat(f.disconnectAfter()).hasSeconds(60);
        assertThat(f.channels().get(0)).isInstanceOf(ChannelEntry.Webhook.class);
        assertThat(AlertsFile.inHome(home.resolve("elsewhere"))).isEmpty();
    }
}
