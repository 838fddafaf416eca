/**
 * The plugin's machinery: the ACL index and its matching rules, the token claims reader, the
 * principal wire format, decision metrics and the denial log throttle. Not an API: other modules
 * must not use it, and it may change in any release.
 */
package gov.gsb.broker.internal;
