-- Per-minute rollups per provider, consumer, service, method, kind and outcome, computed with
-- exactly-once state in Kafka Streams. A minute's row is rewritten as its count grows; the
-- version is the count of calls it has seen, so the last (largest) wins when merged, and a row
-- written again after a restart replaces itself. Queries use FINAL.
CREATE TABLE IF NOT EXISTS calls_per_minute
(
    minute          DateTime('UTC'),
    provider_agency LowCardinality(String),
    consumer_agency LowCardinality(String),
    service         LowCardinality(String),
    method          LowCardinality(String),
    kind            LowCardinality(String),
    outcome         LowCardinality(String),
    calls           UInt64,
    failures        UInt64,
    latency_sum_ms  UInt64,
    latency_max_ms  UInt32,
    latency_p50_ms  Float64,
    latency_p95_ms  Float64,
    latency_p99_ms  Float64,
    version         UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMMDD(minute)
ORDER BY (minute, provider_agency, consumer_agency, service, method, kind, outcome);
