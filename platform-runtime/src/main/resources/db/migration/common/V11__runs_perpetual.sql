-- A completed perpetual run's margin block (leverage, margin mode, mark price source, total funding, every funding
-- payment and every liquidation), as JSON in the shape of result.json's "perpetual". NULL for a run without margin,
-- and for runs stored before this version.
ALTER TABLE runs ADD COLUMN perpetual TEXT;
