/**
 * Basic pre-trade risk rules. Each checks only orders that add exposure: an order that only reduces the current
 * position ({@link io.quantplug.api.risk.OrderIntent#reducesPosition()}) is always let through, so a position can
 * always be closed.
 */
package io.quantplug.plugins.risk;
