package gov.gsb.admin.model;

import gov.gsb.composites.Format;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The changeable part of a service: everything but its names and kind, which its topics are made of. A COMPOSITE's
 * definition too: a changed one is stored as its next version.
 *
 * @param partitions partitions of its topics; they can only grow
 * @param retentionMs how long its topics keep messages; -1 forever
 * @param compatibility the registry rule for its subjects; null leaves it as it is
 * @param description what it offers
 * @param owner who to contact
 * @param definition a COMPOSITE's new definition, or null to keep it as it is
 * @param definitionFormat YAML or JSON; when absent, JSON if the text starts with <code>{</code>, else YAML
 */
public record ServiceUpdate(
        @NotNull @Min(1) @Max(1000) Integer partitions,
        @NotNull @Min(-1) Long retentionMs,
        @Pattern(regexp = Names.COMPATIBILITY, message = Names.COMPATIBILITY_MESSAGE) String compatibility,
        @NotBlank @Size(max = 2000) String description,
        @NotNull @Valid OwnerContact owner,
        @Size(max = ServiceRequest.MAX_DEFINITION) String definition,
        Format definitionFormat) {
}
