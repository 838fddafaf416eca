package gov.gsb.admin.portal;

import gov.gsb.admin.model.ServiceView;
import java.util.Locale;

/**
 * The catalog page's search: text in the name, id or description, and exact agency, kind and status; empty fields
 * match everything.
 *
 * @param text part of the service's id or description, any case
 * @param agency the providing agency
 * @param kind EVENT or REQUEST_REPLY
 * @param status ACTIVE or RETIRED
 */
public record CatalogQuery(String text, String agency, String kind, String status) {

    /** Whether the service fits the search. */
    public boolean matches(ServiceView s) {
        return (blank(text) || contains(s.id(), text) || contains(s.description(), text))
                && (blank(agency) || agency.equals(s.provider()))
                && (blank(kind) || kind.equals(s.kind()))
                && (blank(status) || status.equals(s.status()));
    }

    /** Whether any field narrows the search. */
    public boolean narrowed() {
        return !(blank(text) && blank(agency) && blank(kind) && blank(status));
    }

    private static boolean contains(String value, String part) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(part.strip().toLowerCase(Locale.ROOT));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
