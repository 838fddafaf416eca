package gov.gsb.composites;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class MappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldReplacePathsAndKeepLiterals() throws Exception {
        JsonNode context = JSON.readTree("""
                {"request": {"citizenId": "1", "address": {"city": "Hilltown"}},
                 "steps": {"a": {"reply": {"n": 42}}}, "call": {"id": "c-1"}}""");
        ObjectNode input = (ObjectNode) JSON.readTree("""
                {"id": "$.call.id", "who": "$.request.citizenId", "where": "$.request.address", "n": "$.steps.a.reply.n",
                 "missing": "$.request.nothing", "literal": "text", "nested": {"city": "$.request.address.city", "k": 1}}""");

        ObjectNode out = Mapping.evaluate(input, context);

        assertThat(out.toString()).isEqualTo("{\"id\":\"c-1\",\"who\":\"1\",\"where\":{\"city\":\"Hilltown\"},\"n\":42,"
                + "\"missing\":null,\"literal\":\"text\",\"nested\":{\"city\":\"Hilltown\",\"k\":1}}");
        assertThat(Mapping.paths(input)).hasSize(6);
    }

    @Test
    void shouldTestConditions() {
        Condition exists = new Condition("$.request.x", Condition.Test.EXISTS, JSON.getNodeFactory().booleanNode(true));
        Condition equals = new Condition("$.request.x", Condition.Test.EQUALS, TextNode.valueOf("A"));
        Condition notEquals = new Condition("$.request.x", Condition.Test.NOT_EQUALS, JSON.getNodeFactory().numberNode(2));

        assertThat(exists.holds(TextNode.valueOf("v"))).isTrue();
        assertThat(exists.holds(JSON.getNodeFactory().nullNode())).isFalse();
        assertThat(equals.holds(TextNode.valueOf("A"))).isTrue();
        assertThat(equals.holds(null)).isFalse();
        assertThat(notEquals.holds(JSON.getNodeFactory().numberNode(2.0))).isFalse();
        assertThat(notEquals.holds(null)).isTrue();
    }
}
