-- Quantplug store, version 4, in the portable subset of version 1: portfolio runs (quantplug backtest --config,
-- POST /api/backtests with a portfolio), several instruments and strategies trading one account.

-- SINGLE: one instrument (instrument_id is its id). PORTFOLIO: instrument_id lists the books' instrument ids joined
-- by ',' (or says 'N instruments' when they do not fit), strategy the strategy ids joined by '+', and config holds
-- the "run" block of the portfolio result document (quantplug-portfolio-result/1).
ALTER TABLE runs ADD COLUMN kind VARCHAR(16) DEFAULT 'SINGLE' NOT NULL;
ALTER TABLE runs ADD CONSTRAINT runs_kind CHECK (kind IN ('SINGLE', 'PORTFOLIO'));
ALTER TABLE runs ALTER COLUMN instrument_id SET DATA TYPE VARCHAR(2048);
ALTER TABLE runs ALTER COLUMN strategy SET DATA TYPE VARCHAR(1024);

-- A completed portfolio run's breakdowns, JSON {"strategies": [...], "instruments": [...]} as in its result
-- document; null for single runs. Trades, equity, metrics and faults use the tables and columns of single runs.
ALTER TABLE runs ADD COLUMN breakdown TEXT;
