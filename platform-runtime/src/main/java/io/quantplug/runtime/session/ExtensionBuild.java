package io.quantplug.runtime.session;

/**
 * The plugin build one extension of a running session runs on.
 *
 * @param role          {@code strategy}, {@code enhancer}, {@code sizer} or {@code riskRule}
 * @param id            the extension id
 * @param pluginId      its plugin, or null for an extension on the application's class path (or the web server's
 *                      own kill switch)
 * @param pluginVersion the plugin build it runs on now, or null when it has none
 */
public record ExtensionBuild(String role, String id, String pluginId, String pluginVersion) {
}
