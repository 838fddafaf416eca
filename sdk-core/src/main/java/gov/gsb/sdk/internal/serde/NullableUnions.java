package gov.gsb.sdk.internal.serde;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The branch of a {@code ["null", T]} union a value takes, without Avro's general union
 * resolution (which looks the value's schema name up by string hash for every field of every
 * record). Almost every union in the bus's contracts is an optional field of this shape.
 */
final class NullableUnions {

    /** Returned when the union is not of the {@code ["null", T]} shape: let Avro decide. */
    static final int NOT_NULLABLE = -1;

    private NullableUnions() {
    }

    static int branch(Schema union, Object datum) {
        List<Schema> types = union.getTypes();
        if (types.size() != 2) {
            return NOT_NULLABLE;
        }
        boolean nullFirst = types.get(0).getType() == Schema.Type.NULL;
        boolean nullSecond = types.get(1).getType() == Schema.Type.NULL;
        if (nullFirst == nullSecond) {
            return NOT_NULLABLE;
        }
        if (datum == null) {
            return nullFirst ? 0 : 1;
        }
        return nullFirst ? 1 : 0;
    }
}
