/**
 * access-admin's Kafka plumbing: its clients (OAUTHBEARER as {@code gsb-services}), topic administration, and
 * {@link gov.gsb.admin.kafka.TopicStore}, the compacted-topic table that holds the catalog and the grants.
 */
package gov.gsb.admin.kafka;
