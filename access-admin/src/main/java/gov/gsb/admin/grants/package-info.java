/**
 * Grants on the compacted topic {@code gsb.grants}, the Kafka ACLs they map to ({@link gov.gsb.admin.grants.AclMapping}),
 * keeping the brokers' ACLs equal to them ({@link gov.gsb.admin.grants.AclSync}), and effective access.
 */
package gov.gsb.admin.grants;
