package io.quantplug.web.auth;

import io.quantplug.runtime.store.UserStore.Role;

/** The least a caller needs to use an endpoint. Roles are ordered: viewer &lt; trader &lt; admin. */
public enum Access {
    /** Anyone, signed in or not. */
    PUBLIC,
    /** Any signed-in user. */
    VIEWER,
    /** A trader or an admin. */
    TRADER,
    /** An admin. */
    ADMIN;

    /**
     * Whether a user with this role may use an endpoint that needs this access.
     *
     * @param role the user's role
     * @return true when allowed
     */
    public boolean allows(Role role) {
        return switch (this) {
            case PUBLIC, VIEWER -> true;
            case TRADER -> role == Role.TRADER || role == Role.ADMIN;
            case ADMIN -> role == Role.ADMIN;
        };
    }
}
