-- The audit trail: one row per AuditEvent (who changed what in the bus's administration).
CREATE TABLE IF NOT EXISTS audit
(
    event_id    String,
    at          DateTime64(3, 'UTC'),
    actor       String,
    actor_roles Array(String),
    client_ip   String,
    user_agent  String DEFAULT '',
    action      LowCardinality(String),
    target_type LowCardinality(String),
    target_id   String,
    before      String DEFAULT '',
    after       String DEFAULT '',
    outcome     LowCardinality(String),
    reason      String DEFAULT ''
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (toStartOfDay(at), event_id);
