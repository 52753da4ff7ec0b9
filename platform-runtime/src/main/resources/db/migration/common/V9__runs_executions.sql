-- A completed run's execution-algorithm reports (TWAP, VWAP, iceberg ...: target and filled quantity, arrival and
-- average price, slippage against arrival in bps), as JSON in the shape of result.json's "executions". NULL for a
-- run without any, and for runs stored before this version.
ALTER TABLE runs ADD COLUMN executions TEXT;
