/**
 * The {@code order-flow} plugin: the {@code volume-scalper} strategy ({@link
 * io.quantplug.plugins.orderflow.VolumeScalper}), which trades a rolling volume profile's value area on trades and
 * book updates, and the {@code footprint} signal enhancer ({@link io.quantplug.plugins.orderflow.FootprintEnhancer}),
 * which scores entries by the footprint their strategy attached ({@link
 * io.quantplug.plugins.orderflow.FootprintScores}). Built on the SDK's {@code io.quantplug.sdk.orderflow} package.
 */
package io.quantplug.plugins.orderflow;
