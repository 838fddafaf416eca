package gov.gsb.admin.portal;

import gov.gsb.admin.model.Names;
import io.quarkus.qute.TemplateGlobal;
import java.util.List;

/** Values every page may use by name ({@code {#for c in compatibilities}}). */
@TemplateGlobal
final class Globals {

    /** The registry's compatibility levels, in the catalog's order. */
    static final List<String> compatibilities = List.of(Names.COMPATIBILITY.split("\\|"));

    /** The operations of grants and of the access checker. */
    static final List<String> operations = List.of("PUBLISH", "SUBSCRIBE", "REQUEST", "SERVE");

    private Globals() {
    }
}
