/** The audit trail: who changed what, from where, before and after; written to and read back from {@code gsb.audit}. */
package gov.gsb.admin.audit;
