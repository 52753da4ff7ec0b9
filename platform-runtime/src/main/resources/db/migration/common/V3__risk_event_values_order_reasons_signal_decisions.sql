-- Quantplug store, version 3, in the portable subset of version 1: what risk rules report, why the engine sent an
-- order of its own, and the decisions of signal groups. (Version 2 is vendor-specific: db/migration/h2|postgresql.)

-- The numbers of an event a risk rule reported (RiskContext.report): a JSON object of name to text, '{}' when it
-- has none. Null on the rows of order rejections (event_type REJECT), which name their order in client_order_id.
ALTER TABLE risk_events ADD COLUMN event_values TEXT;

-- Why the engine sent an order of its own: a position closed because a risk rule asked, or at the end of the data.
-- Null for the orders of strategies and signal groups.
ALTER TABLE orders ADD COLUMN reason TEXT;

-- One decision of a signal group (several strategies of a run trading one instrument under an aggregation policy),
-- taken after a bar on which at least one of them signalled.
CREATE TABLE signal_decisions (
    id            BIGINT           NOT NULL PRIMARY KEY,  -- run_id * 2^32 + seq (see Journal.key)
    run_id        BIGINT           NOT NULL,
    seq           BIGINT           NOT NULL,
    decision_time TIMESTAMP WITH TIME ZONE NOT NULL,
    group_id      VARCHAR(128)     NOT NULL,              -- the owner id of the group's orders
    policy        VARCHAR(16)      NOT NULL CHECK (policy IN ('UNANIMOUS', 'MAJORITY', 'WEIGHTED')),
    direction     VARCHAR(8),                             -- the direction traded; null for no trade
    score         DOUBLE PRECISION NOT NULL,              -- the leading direction's agreement, 0 to 1
    threshold     DOUBLE PRECISION NOT NULL,              -- the agreement needed
    outcome       TEXT             NOT NULL,
    votes         TEXT             NOT NULL               -- JSON array, one object per instance: instance,
                                                          -- direction (null: abstained), strength, confidence,
                                                          -- weight, reason
);
