package gov.gsb.admin.model;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Who to contact about a service.
 *
 * @param name a team or a person at the provider agency
 * @param email an e-mail address, or null
 * @param phone a phone number in international format, or null
 */
public record OwnerContact(
        @NotBlank @Size(max = 200) String name,
        @Email @Size(max = 254) String email,
        @Pattern(regexp = "\\+?[0-9 ()./-]{3,32}", message = "must be a phone number, e.g. +31 30 123 4567") String phone) {
}
