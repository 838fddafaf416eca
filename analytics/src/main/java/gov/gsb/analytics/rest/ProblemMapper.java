package gov.gsb.analytics.rest;

import gov.gsb.analytics.query.ClickHouseException;
import gov.gsb.analytics.query.InvalidFilterException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Expected faults as {@code application/problem+json}: a wrong filter is 400 with a message per field; ClickHouse
 * away is 503, a refused query 500 (logged with an error id that the answer repeats; ClickHouse's text is not sent).
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final String PROBLEM = "application/problem+json";

    @ServerExceptionMapper
    public Response invalidFilter(InvalidFilterException e) {
        Map<String, Object> body = problem(400, "Invalid filter", "fix the fields named in 'errors'");
        body.put("errors", e.errors());
        return Response.status(400).type(PROBLEM).entity(body).build();
    }

    @ServerExceptionMapper
    public Response clickhouse(ClickHouseException e) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "query failed (error id %s)", id);
        int status = e.retriable() ? 503 : 500;
        return Response.status(status).type(PROBLEM).entity(problem(status, e.retriable() ? "ClickHouse unavailable"
                : "Query failed", "error id " + id)).build();
    }

    private static Map<String, Object> problem(int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }
}
