-- A parameter study (quantplug optimize) is stored as a run of kind STUDY: its strategy, instrument, timeframe and
-- data range in the usual columns, and its whole document (trials with their parameters and metrics, the best
-- trial, the Deflated Sharpe Ratio, the PBO, the walk-forward windows) as JSON in runs.study, as study.json has it.
ALTER TABLE runs DROP CONSTRAINT runs_kind;
ALTER TABLE runs ADD CONSTRAINT runs_kind CHECK (kind IN ('SINGLE', 'PORTFOLIO', 'STUDY'));
ALTER TABLE runs ADD COLUMN study TEXT;
