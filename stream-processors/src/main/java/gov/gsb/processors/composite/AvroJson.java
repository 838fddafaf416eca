package gov.gsb.processors.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Avro values to the JSON trees a definition's paths read, and JSON trees to Avro records of a service's request
 * schema. Values stay in Avro's own representation (a date is its day number, a timestamp its milliseconds), so a
 * field copied from one contract to another arrives unchanged; decimals travel as text, other bytes as base64.
 */
final class AvroJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();
    /** Resolves union branches of values read with logical-type conversions (a LocalDate, an Instant, ...). */
    private static final GenericData CONVERTING = converting();

    private AvroJson() {
    }

    static JsonNode toJson(Object datum, Schema schema) {
        if (datum == null) {
            return F.nullNode();
        }
        // The SDK's reader applies Avro's logical-type conversions: back to Avro's own representation.
        if (datum instanceof java.time.LocalDate day) {
            return F.numberNode((int) day.toEpochDay());
        } else if (datum instanceof java.time.Instant instant) {
            return F.numberNode(schema.getLogicalType() instanceof LogicalTypes.TimestampMicros
                    ? instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000 : instant.toEpochMilli());
        } else if (datum instanceof BigDecimal decimal) {
            return F.textNode(decimal.toPlainString());
        } else if (datum instanceof java.time.LocalTime time) {
            return F.numberNode(schema.getLogicalType() instanceof LogicalTypes.TimeMicros
                    ? time.toNanoOfDay() / 1_000 : (int) (time.toNanoOfDay() / 1_000_000));
        }
        return switch (schema.getType()) {
            case RECORD -> {
                ObjectNode o = F.objectNode();
                GenericRecord r = (GenericRecord) datum;
                for (Schema.Field f : schema.getFields()) {
                    o.set(f.name(), toJson(r.get(f.pos()), f.schema()));
                }
                yield o;
            }
            case UNION -> toJson(datum, schema.getTypes().get(CONVERTING.resolveUnion(schema, datum)));
            case ARRAY -> {
                ArrayNode a = F.arrayNode();
                for (Object item : (Iterable<?>) datum) {
                    a.add(toJson(item, schema.getElementType()));
                }
                yield a;
            }
            case MAP -> {
                ObjectNode o = F.objectNode();
                ((Map<?, ?>) datum).forEach((k, v) -> o.set(k.toString(), toJson(v, schema.getValueType())));
                yield o;
            }
            case BYTES, FIXED -> bytes(datum, schema);
            case INT -> F.numberNode(((Number) datum).intValue());
            case LONG -> F.numberNode(((Number) datum).longValue());
            case FLOAT, DOUBLE -> F.numberNode(((Number) datum).doubleValue());
            case BOOLEAN -> F.booleanNode((Boolean) datum);
            case NULL -> F.nullNode();
            default -> F.textNode(datum.toString()); // STRING, ENUM
        };
    }

    private static GenericData converting() {
        GenericData g = new GenericData();
        g.addLogicalTypeConversion(new org.apache.avro.data.TimeConversions.DateConversion());
        g.addLogicalTypeConversion(new org.apache.avro.data.TimeConversions.TimestampMillisConversion());
        g.addLogicalTypeConversion(new org.apache.avro.data.TimeConversions.TimestampMicrosConversion());
        g.addLogicalTypeConversion(new org.apache.avro.data.TimeConversions.TimeMillisConversion());
        g.addLogicalTypeConversion(new org.apache.avro.data.TimeConversions.TimeMicrosConversion());
        g.addLogicalTypeConversion(DECIMALS);
        return g;
    }

    private static JsonNode bytes(Object datum, Schema schema) {
        byte[] raw = datum instanceof ByteBuffer b ? toArray(b) : ((GenericData.Fixed) datum).bytes();
        LogicalType lt = schema.getLogicalType();
        if (lt instanceof LogicalTypes.Decimal d) {
            return F.textNode(new BigDecimal(new java.math.BigInteger(raw), d.getScale()).toPlainString());
        }
        return F.textNode(Base64.getEncoder().encodeToString(raw));
    }

    private static byte[] toArray(ByteBuffer b) {
        ByteBuffer copy = b.duplicate();
        byte[] raw = new byte[copy.remaining()];
        copy.get(raw);
        return raw;
    }

    /**
     * @param node a JSON tree
     * @param schema the schema to build
     * @return the Avro value
     * @throws IllegalArgumentException (fatal for this call) naming the field that does not fit
     */
    static Object toAvro(JsonNode node, Schema schema) {
        return toAvro(node, schema, schema.getName());
    }

    private static Object toAvro(JsonNode node, Schema schema, String where) {
        boolean absent = node == null || node.isNull() || node.isMissingNode();
        switch (schema.getType()) {
            case UNION -> {
                return union(node, schema, where, absent);
            }
            case NULL -> {
                if (!absent) {
                    throw new IllegalArgumentException(where + " must be null");
                }
                return null;
            }
            default -> {
                if (absent) {
                    throw new IllegalArgumentException(where + " is required but has no value");
                }
            }
        }
        return switch (schema.getType()) {
            case RECORD -> record(node, schema, where);
            case ENUM -> {
                if (!schema.hasEnumSymbol(node.asText())) {
                    throw new IllegalArgumentException(where + ": " + node.asText() + " is not one of " + schema.getEnumSymbols());
                }
                yield new GenericData.EnumSymbol(schema, node.asText());
            }
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                node.forEach(item -> items.add(toAvro(item, schema.getElementType(), where + "[]")));
                yield new GenericData.Array<>(schema, items);
            }
            case MAP -> {
                Map<String, Object> map = new HashMap<>();
                node.fields().forEachRemaining(e -> map.put(e.getKey(), toAvro(e.getValue(), schema.getValueType(), where)));
                yield map;
            }
            case STRING -> node.isValueNode() ? node.asText() : fail(where, node, "text");
            case INT -> number(node, where).intValueExact();
            case LONG -> number(node, where).longValueExact();
            case FLOAT -> number(node, where).floatValue();
            case DOUBLE -> number(node, where).doubleValue();
            case BOOLEAN -> node.isBoolean() ? node.booleanValue() : Boolean.parseBoolean(node.asText());
            case BYTES -> toBytes(node, schema, where);
            default -> fail(where, node, schema.getType().getName());
        };
    }

    private static Object union(JsonNode node, Schema schema, String where, boolean absent) {
        for (Schema branch : schema.getTypes()) {
            if (absent && branch.getType() == Schema.Type.NULL) {
                return null;
            }
            if (!absent && branch.getType() != Schema.Type.NULL && fits(node, branch)) {
                return toAvro(node, branch, where);
            }
        }
        throw new IllegalArgumentException(where + ": " + (absent ? "no value" : node) + " fits no branch of " + schema);
    }

    private static boolean fits(JsonNode node, Schema s) {
        return switch (s.getType()) {
            case RECORD, MAP -> node.isObject();
            case ARRAY -> node.isArray();
            case INT, LONG -> node.isIntegralNumber();
            case FLOAT, DOUBLE -> node.isNumber();
            case BOOLEAN -> node.isBoolean();
            case ENUM -> node.isTextual() && s.hasEnumSymbol(node.asText());
            default -> node.isValueNode();
        };
    }

    private static GenericRecord record(JsonNode node, Schema schema, String where) {
        if (!node.isObject()) {
            return fail(where, node, "an object");
        }
        GenericData.Record r = new GenericData.Record(schema);
        for (Schema.Field f : schema.getFields()) {
            JsonNode v = node.get(f.name());
            boolean absent = v == null || v.isNull();
            r.put(f.pos(), absent && f.hasDefaultValue() ? GenericData.get().getDefaultValue(f)
                    : toAvro(v, f.schema(), where + "." + f.name()));
        }
        return r;
    }

    private static ByteBuffer toBytes(JsonNode node, Schema schema, String where) {
        if (schema.getLogicalType() instanceof LogicalTypes.Decimal d) {
            BigDecimal value = number(node, where).setScale(d.getScale(), RoundingMode.UNNECESSARY);
            return DECIMALS.toBytes(value, schema, d);
        }
        return ByteBuffer.wrap(Base64.getDecoder().decode(node.asText()));
    }

    private static BigDecimal number(JsonNode node, String where) {
        try {
            return node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText());
        } catch (NumberFormatException e) {
            return fail(where, node, "a number");
        }
    }

    private static <T> T fail(String where, JsonNode node, String expected) {
        throw new IllegalArgumentException(where + ": " + node + " is not " + expected);
    }
}
