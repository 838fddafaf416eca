-- The call log's identity, corrected: each record's position in gsb.calls joins the sorting key.
-- V001 keyed a row by (hour, service, call_id, kind), but distinct records share those: every
-- subscriber agency of an event writes a DELIVERY with the event's call_id, and a message
-- handled again after a subscriber restarted is a second DELIVERY. ReplacingMergeTree kept one
-- of them, so the call log counted fewer calls than the rollups, which count records. A record
-- the processor reads twice (a crash between its insert and its commit) keeps its position, so
-- it still collapses into one row.
-- ClickHouse lets only a column added by the same ALTER, without a default, join the sorting
-- key, so the position is a new column (source_partition * 2^48 + source_offset) rather than
-- source_partition and source_offset themselves. Rows written before hold 0 and keep V001's key.
ALTER TABLE calls
    ADD COLUMN IF NOT EXISTS source_position UInt64,
    MODIFY ORDER BY (toStartOfHour(request_sent_at), service, call_id, kind, source_position);
