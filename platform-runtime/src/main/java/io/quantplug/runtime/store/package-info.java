/**
 * The store: everything a run produces, in a relational database through plain JDBC.
 *
 * <p>{@link io.quantplug.runtime.store.Store#open} connects (an embedded H2 file database by default, PostgreSQL in
 * production), applies the Flyway migrations of {@code db/migration/common} and of the vendor's folder, and marks
 * runs whose process died as interrupted. Repositories: {@link io.quantplug.runtime.store.BarStore},
 * {@link io.quantplug.runtime.store.RunStore}, {@link io.quantplug.runtime.store.AuditLog},
 * {@link io.quantplug.runtime.store.PluginRegistry}, {@link io.quantplug.runtime.store.UserStore}. The engine
 * writes through a {@link io.quantplug.runtime.store.Journal}: a bounded queue drained in batches by a thread of its
 * own, so that storage never runs on the engine thread and never drops a record.
 */
package io.quantplug.runtime.store;
