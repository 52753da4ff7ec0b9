-- The audit log refuses UPDATE and DELETE (same version as the PostgreSQL migration; H2 triggers are Java classes).
CREATE TRIGGER audit_log_append_only BEFORE UPDATE, DELETE ON audit_log
    FOR EACH ROW CALL 'io.quantplug.runtime.store.AppendOnlyTrigger';
