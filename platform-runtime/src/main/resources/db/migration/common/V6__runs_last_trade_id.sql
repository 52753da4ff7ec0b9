-- A live run notes the venue's highest trade id of its instrument that it reconciled at its start: the next live
-- session on the instrument fetches the account's trades after it and reports those no stored fill matches (fills
-- missed while an earlier session was down). NULL for every other run.
ALTER TABLE runs ADD COLUMN last_trade_id BIGINT;
