-- A run's bars may be volume or dollar bars, labelled by their threshold (volume:50, dollar:2000000), longer
-- than the timeframe labels (1m, 15m) the column was sized for. SET DATA TYPE is understood by H2 and PostgreSQL.
ALTER TABLE runs ALTER COLUMN timeframe SET DATA TYPE VARCHAR(32);
