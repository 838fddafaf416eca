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
 * A service to register in the catalog. Its topics and schema subjects follow from provider, name and kind.
 *
 * @param name the service's name within its agency, e.g. {@code address-changed}
 * @param provider the providing agency, e.g. {@code civil-registry}
 * @param kind EVENT, REQUEST_REPLY or COMPOSITE
 * @param partitions partitions of its topic; default 3
 * @param retentionMs how long its topic keeps messages; -1 forever; default 7 days
 * @param compatibility the registry rule for its subjects; null leaves the registry's global rule (BACKWARD)
 * @param description what it offers
 * @param owner who to contact
 * @param definition a COMPOSITE's definition (its steps), YAML or JSON as the published schema describes it;
 *        required for COMPOSITE, refused for the other kinds
 * @param definitionFormat YAML or JSON; when absent, JSON if the text starts with <code>{</code>, else YAML
 */
public record ServiceRequest(
        @NotNull @Pattern(regexp = Names.NAME, message = Names.NAME_MESSAGE) String name,
        @NotNull @Pattern(regexp = Names.NAME, message = Names.NAME_MESSAGE) String provider,
        @NotNull Kind kind,
        @Min(1) @Max(1000) Integer partitions,
        @Min(-1) Long retentionMs,
        @Pattern(regexp = Names.COMPATIBILITY, message = Names.COMPATIBILITY_MESSAGE) String compatibility,
        @NotBlank @Size(max = 2000) String description,
        @NotNull @Valid OwnerContact owner,
        @Size(max = MAX_DEFINITION) String definition,
        Format definitionFormat) {

    /** The longest definition taken, in characters. */
    public static final int MAX_DEFINITION = 100_000;

    /** Partitions when none are given. */
    public static final int DEFAULT_PARTITIONS = 3;
    /** Retention when none is given: a week. */
    public static final long DEFAULT_RETENTION_MS = 7L * 24 * 3600 * 1000;

    /** The partitions asked for, or the default. */
    public int partitionsOrDefault() {
        return partitions == null ? DEFAULT_PARTITIONS : partitions;
    }

    /** The retention asked for, or the default. */
    public long retentionOrDefault() {
        return retentionMs == null ? DEFAULT_RETENTION_MS : retentionMs;
    }
}
