-- A run stopped at someone's request keeps its result up to the stop with status STOPPED (same version as the H2
-- migration, a Java class there: H2 names the unnamed CHECK of V1 itself, so it is looked up before it is dropped).
ALTER TABLE runs DROP CONSTRAINT runs_status_check;
ALTER TABLE runs ADD CONSTRAINT runs_status_check
    CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED', 'INTERRUPTED', 'STOPPED'));
