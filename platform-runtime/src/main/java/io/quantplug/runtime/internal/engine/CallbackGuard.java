package io.quantplug.runtime.internal.engine;

import io.quantplug.runtime.session.FaultAction;
import io.quantplug.runtime.session.PluginFault;
import io.quantplug.runtime.session.SessionListener;

import java.time.InstantSource;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * The one path through which a session calls plugin code (strategies, enhancers, sizers, risk rules, and providers
 * during a hot swap): it catches what a plugin's callback may throw, reports the fault to the session's listener as a
 * {@link PluginFault} with the action the caller's policy takes, and tells the caller that the call failed so that it
 * applies that action (stop the instance, reject the order, drop the signal, ...).
 *
 * <p>Caught: {@link RuntimeException}, {@link LinkageError} (e.g. a class missing from a plugin that was unloaded)
 * and {@link StackOverflowError}; any other error (out of memory, ...) propagates and ends the session. The callback
 * and its target are passed separately, so that a caller hands a constant method reference ({@code Strategy::onBar})
 * and nothing is allocated per call.
 *
 * <p>Engine thread only: {@link #failed()} and {@link #lastFault()} describe the engine thread's last call.
 */
final class CallbackGuard {

    private final SessionListener listener;
    private final InstantSource clock;
    private Throwable lastFault;
    private boolean failed;

    /**
     * Creates the guard.
     *
     * @param listener where faults are reported
     * @param clock    the session clock, for the faults' time
     */
    CallbackGuard(SessionListener listener, InstantSource clock) {
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * Calls a callback that returns nothing.
     *
     * @param extensionId the extension's provider id
     * @param instanceId  the instance id (the provider id for rules and enhancements)
     * @param callback    the callback's name, e.g. {@code onBar}
     * @param action      what the caller does when it fails
     * @param call        the callback, e.g. {@code Strategy::onBar}
     * @param target      the plugin object called
     * @param argument    the callback's argument (may be null when it takes none)
     * @return true when the callback returned, false when it threw (the fault is then reported)
     */
    <T, A> boolean run(String extensionId, String instanceId, String callback, FaultAction action,
                       BiConsumer<T, A> call, T target, A argument) {
        try {
            call.accept(target, argument);
            return true;
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            report(extensionId, instanceId, callback, e, action);
            return false;
        }
    }

    /**
     * Calls a callback that returns a value.
     *
     * @param extensionId the extension's provider id
     * @param instanceId  the instance id (the provider id for rules and enhancements)
     * @param callback    the callback's name, e.g. {@code check}
     * @param action      what the caller does when it fails
     * @param call        the callback
     * @param target      the plugin object called
     * @param argument    the callback's argument (may be null when it takes none)
     * @param onFault     what to return when it throws
     * @return the callback's value, or {@code onFault} when it threw (the fault is then reported, and
     *         {@link #failed()} is true until the next call)
     */
    <T, A, R> R call(String extensionId, String instanceId, String callback, FaultAction action,
                     BiFunction<T, A, R> call, T target, A argument, R onFault) {
        R result;
        try {
            result = call.apply(target, argument);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            report(extensionId, instanceId, callback, e, action);
            failed = true;
            return onFault;
        }
        failed = false; // set on return, so that calls nested inside this one do not count
        return result;
    }

    /**
     * Whether the last {@link #call} threw: tells its {@code onFault} value from the same value returned by the
     * plugin (an empty filter result, a null snapshot).
     *
     * @return true when it threw
     */
    boolean failed() {
        return failed;
    }

    /**
     * The throwable of the last call that failed, for the caller's reject reason or swap report.
     *
     * @return the throwable, or null when none has failed
     */
    Throwable lastFault() {
        return lastFault;
    }

    /**
     * Reports a fault the caller found itself (a callback over its time budget).
     *
     * @param extensionId the extension's provider id
     * @param instanceId  the instance id
     * @param callback    the callback's name
     * @param error       what went wrong
     * @param action      what the policy did
     */
    void report(String extensionId, String instanceId, String callback, Throwable error, FaultAction action) {
        lastFault = error;
        listener.onFault(new PluginFault(clock.millis(), extensionId, instanceId, callback,
                PluginFault.describe(error), action));
    }
}
