/** The service catalog: services on the compacted topic {@code gsb.catalog}, their topics, their registry subjects. */
package gov.gsb.admin.catalog;
