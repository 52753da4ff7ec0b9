package io.quantplug.api.strategy;

/**
 * A timer firing.
 *
 * @param name       the name given when it was scheduled
 * @param timeMillis the time it was due, UTC epoch milliseconds
 */
public record TimerEvent(String name, long timeMillis) {
}
