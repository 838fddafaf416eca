-- The call log: one row per CallRecord (publish, delivery, request, reply), every field of it.
-- ReplacingMergeTree keyed by the record's identity: a record written twice (a processor that
-- crashed after writing and before committing its offsets) is one row once merged, and queries
-- that count use FINAL. The key starts with the hour, so time-range queries read little.
CREATE TABLE IF NOT EXISTS calls
(
    call_id             String,
    correlation_id      String,
    parent_call_id      String DEFAULT '',
    kind                LowCardinality(String),
    service             LowCardinality(String),
    service_version     UInt16,
    method              LowCardinality(String),
    provider_agency     LowCardinality(String),
    consumer_agency     LowCardinality(String) DEFAULT '',
    end_user            String DEFAULT '',
    client_ip           String DEFAULT '',
    device              String DEFAULT '',
    sdk_version         LowCardinality(String),
    topic               LowCardinality(String),
    partition           Nullable(Int32),
    offset              Nullable(Int64),
    attempt             UInt16,
    request_sent_at     DateTime64(3, 'UTC'),
    request_received_at Nullable(DateTime64(3, 'UTC')),
    reply_sent_at       Nullable(DateTime64(3, 'UTC')),
    reply_received_at   Nullable(DateTime64(3, 'UTC')),
    outcome             LowCardinality(String),
    error_code          LowCardinality(String) DEFAULT '',
    error_message       String DEFAULT '',
    request_bytes       UInt32,
    reply_bytes         Nullable(UInt32),
    -- what the caller waited: reply received - request sent for a request, received - sent otherwise
    latency_ms          Nullable(UInt32),
    source_partition    Int32,
    source_offset       Int64
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMMDD(request_sent_at)
ORDER BY (toStartOfHour(request_sent_at), service, call_id, kind);
