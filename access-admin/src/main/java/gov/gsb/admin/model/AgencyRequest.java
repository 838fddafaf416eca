package gov.gsb.admin.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An agency to create.
 *
 * @param name its code on the bus, e.g. {@code tax}: its group, client and topics' names
 * @param displayName its name for people, e.g. {@code Tax Administration}; null: the code
 */
public record AgencyRequest(
        @NotNull @Pattern(regexp = Names.NAME, message = Names.NAME_MESSAGE) String name,
        @Size(max = 200) String displayName) {
}
