package io.quantplug.web;

/**
 * How much work the server takes on, so that one user (or one anonymous client) cannot take it down. Every limit is
 * at least 1; {@code quantplug serve} sets them with {@code --limit NAME=VALUE} and the console documents them
 * ({@code docs/console.md}, "Limits").
 *
 * @param queuedBacktests        backtests waiting for the worker, on the whole server; one more is answered 429
 * @param backtestsPerUser       backtests queued or running of one user; one more is answered 429
 * @param runningInstances       instances running at once on the whole server; one more start is answered 429
 * @param runningInstancesPerUser instances of one user running at once; one more start is answered 429
 * @param signInsPerAddress      sign-in attempts a minute from one client address, before any password is hashed
 * @param failedSignIns          wrong sign-ins a minute on the whole server before it counts as under attack
 *                               (see {@link io.quantplug.web.auth.LoginGuard})
 * @param datasetBytes           largest bar CSV upload, bytes
 */
public record ServerLimits(int queuedBacktests, int backtestsPerUser, int runningInstances,
                           int runningInstancesPerUser, int signInsPerAddress, int failedSignIns,
                           long datasetBytes) {

    /**
     * Checks every limit.
     *
     * @param queuedBacktests         backtests waiting on the whole server
     * @param backtestsPerUser        backtests queued or running of one user
     * @param runningInstances        instances running on the whole server
     * @param runningInstancesPerUser instances running of one user
     * @param signInsPerAddress       sign-in attempts a minute from one address
     * @param failedSignIns           wrong sign-ins a minute on the whole server
     * @param datasetBytes            largest bar CSV upload, bytes
     * @throws IllegalArgumentException naming the first limit below 1
     */
    public ServerLimits {
        check("queuedBacktests", queuedBacktests);
        check("backtestsPerUser", backtestsPerUser);
        check("runningInstances", runningInstances);
        check("runningInstancesPerUser", runningInstancesPerUser);
        check("signInsPerAddress", signInsPerAddress);
        check("failedSignIns", failedSignIns);
        check("datasetBytes", datasetBytes);
    }

    /**
     * The defaults: 20 queued backtests, 5 per user; 20 running instances, 5 per user; 30 sign-ins a minute per
     * address, 30 failures a minute per server; 512 MiB data sets.
     *
     * @return the defaults
     */
    public static ServerLimits defaults() {
        return new ServerLimits(20, 5, 20, 5, 30, 30, 512L << 20);
    }

    /**
     * The same with one limit changed, by its name in this record.
     *
     * @param name  the limit's name, e.g. {@code queuedBacktests}
     * @param value its value, at least 1
     * @return the new limits
     * @throws IllegalArgumentException naming the limit when the name is unknown or the value is not a whole number
     *                                  of at least 1
     */
    public ServerLimits with(String name, String value) {
        long v;
        try {
            v = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit " + name + " must be a whole number >= 1, got '" + value + "'");
        }
        if (v < 1 || !name.equals("datasetBytes") && v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("limit " + name + " must be in 1.." + (name.equals("datasetBytes")
                    ? Long.MAX_VALUE : Integer.MAX_VALUE) + ", got " + value);
        }
        int i = (int) Math.min(v, Integer.MAX_VALUE);
        return switch (name) {
            case "queuedBacktests" -> new ServerLimits(i, backtestsPerUser, runningInstances, runningInstancesPerUser,
                    signInsPerAddress, failedSignIns, datasetBytes);
            case "backtestsPerUser" -> new ServerLimits(queuedBacktests, i, runningInstances,
                    runningInstancesPerUser, signInsPerAddress, failedSignIns, datasetBytes);
            case "runningInstances" -> new ServerLimits(queuedBacktests, backtestsPerUser, i, runningInstancesPerUser,
                    signInsPerAddress, failedSignIns, datasetBytes);
            case "runningInstancesPerUser" -> new ServerLimits(queuedBacktests, backtestsPerUser, runningInstances,
                    i, signInsPerAddress, failedSignIns, datasetBytes);
            case "signInsPerAddress" -> new ServerLimits(queuedBacktests, backtestsPerUser, runningInstances,
                    runningInstancesPerUser, i, failedSignIns, datasetBytes);
            case "failedSignIns" -> new ServerLimits(queuedBacktests, backtestsPerUser, runningInstances,
                    runningInstancesPerUser, signInsPerAddress, i, datasetBytes);
            case "datasetBytes" -> new ServerLimits(queuedBacktests, backtestsPerUser, runningInstances,
                    runningInstancesPerUser, signInsPerAddress, failedSignIns, v);
            default -> throw new IllegalArgumentException("no limit '" + name + "'; limits: queuedBacktests,"
                    + " backtestsPerUser, runningInstances, runningInstancesPerUser, signInsPerAddress,"
                    + " failedSignIns, datasetBytes");
        };
    }

    private static void check(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException("limit " + name + " must be at least 1, got " + value);
        }
    }
}
