-- Each series counts its bars. Bars are only ever added (an import skips the bars the store holds already, and
-- refuses one that differs), so the count changes with every change of the series: a reader that keeps a columnar
-- copy of a series beside the database tells from it alone whether the copy is current, without counting rows.
ALTER TABLE bar_series ADD COLUMN bar_count BIGINT DEFAULT 0 NOT NULL;
UPDATE bar_series SET bar_count = (SELECT COUNT(*) FROM bars WHERE bars.series_id = bar_series.id);
