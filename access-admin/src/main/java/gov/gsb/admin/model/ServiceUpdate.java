package gov.gsb.admin.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The changeable part of a service: everything but its names and kind, which its topics are made of.
 *
 * @param partitions partitions of its topics; they can only grow
 * @param retentionMs how long its topics keep messages; -1 forever
 * @param compatibility the registry rule for its subjects; null leaves it as it is
 * @param description what it offers
 * @param owner who to contact
 */
public record ServiceUpdate(
        @NotNull @Min(1) @Max(1000) Integer partitions,
        @NotNull @Min(-1) Long retentionMs,
        @Pattern(regexp = Names.COMPATIBILITY, message = Names.COMPATIBILITY_MESSAGE) String compatibility,
        @NotBlank @Size(max = 2000) String description,
        @NotNull @Valid OwnerContact owner) {
}
