package gov.gsb.admin.rest;

import gov.gsb.admin.grants.AclSync;
import gov.gsb.admin.model.AclView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.apache.kafka.common.resource.ResourceType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The raw ACLs, for experts: {@code /api/acls}, as the brokers hold them (grants' and anybody else's). */
@Path("/api/acls")
@Tag(name = "acls", description = "Kafka ACL bindings as the brokers have them")
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
public class AclResource {

    @Inject
    AclSync acls;

    @GET
    @Operation(summary = "ACL bindings, by principal (Group:agencies/tax), resource type, and resource "
            + "(the bindings that apply to that name: literal, prefixed and wildcard)")
    public List<AclView> list(@QueryParam("principal") String principal,
            @QueryParam("resourceType") @Pattern(regexp = "TOPIC|GROUP|CLUSTER|TRANSACTIONAL_ID|DELEGATION_TOKEN|USER",
                    message = "must be TOPIC, GROUP, CLUSTER, TRANSACTIONAL_ID, DELEGATION_TOKEN or USER") String resourceType,
            @QueryParam("resource") String resource) {
        return acls.list(principal, resourceType == null ? null : ResourceType.fromString(resourceType), resource)
                .stream().map(AclView::of).toList();
    }
}
