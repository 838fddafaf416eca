/** What the REST API reads and writes: requests (validated as they arrive), views, and {@link gov.gsb.admin.model.Result}. */
package gov.gsb.admin.model;
