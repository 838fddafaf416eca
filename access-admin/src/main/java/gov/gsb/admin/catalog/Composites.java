package gov.gsb.admin.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.gsb.admin.GsbConfig;
import gov.gsb.admin.audit.Actor;
import gov.gsb.admin.grants.GrantService;
import gov.gsb.admin.model.CompositeView;
import gov.gsb.admin.model.GrantRequest;
import gov.gsb.admin.model.GrantView;
import gov.gsb.admin.model.Operation;
import gov.gsb.admin.model.PrincipalKind;
import gov.gsb.admin.model.Result;
import gov.gsb.admin.model.Result.FieldProblem;
import gov.gsb.bus.ServiceKind;
import gov.gsb.bus.ServiceStatus;
import gov.gsb.composites.ComponentKind;
import gov.gsb.composites.CompositeDefinition;
import gov.gsb.composites.CompositeDefinitions;
import gov.gsb.composites.Format;
import gov.gsb.composites.ServiceCatalog;
import gov.gsb.composites.Step;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What registering, changing and retiring a COMPOSITE service adds to any service's: its definition, checked with
 * {@link CompositeDefinitions} against the catalog and stored versioned ({@link CompositeStore}), and the orchestrator
 * identity's grants, made as ordinary grants (audited, on the service pages) so that an administrator sees who may do
 * what:
 *
 * <ul>
 *   <li>registration: SERVE on the composite, REQUEST on each service a step or compensation calls;</li>
 *   <li>new version: the REQUEST grants it adds; those only older versions need stay, because calls in progress
 *       finish on the version they started with (revoke them by hand once those are done);</li>
 *   <li>retirement: every version removed from the topic (the orchestrator stops running it), the composite's own
 *       grants revoked as for any service, and the orchestrator's REQUEST grants that no remaining composite needs.</li>
 * </ul>
 */
@ApplicationScoped
public class Composites {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Catalog catalog;
    private final CompositeStore store;
    private final GrantService grants;
    private final String orchestratorGroup;

    @Inject
    public Composites(Catalog catalog, CompositeStore store, GrantService grants, GsbConfig config) {
        this.catalog = catalog;
        this.store = store;
        this.grants = grants;
        this.orchestratorGroup = config.orchestrator().group();
    }

    /**
     * Reads and checks a definition for the composite {@code id}: syntax, the published schema, the services it names
     * (in the catalog, active, two-way, with enough partitions), cycles, paths; and that the orchestrator may be
     * granted what it needs.
     *
     * @param format YAML or JSON; null to tell by the first character
     * @param partitions the composite's partitions: no service it calls may have fewer
     * @param actor who asks (the grants' preview names them)
     * @return Ok with the definition at {@code version}; Invalid naming every problem, fields under {@code definition}
     */
    Result<CompositeDefinition> check(String id, String text, Format format, int version, int partitions, Actor actor) {
        if (text == null || text.isBlank()) {
            return Result.invalid("definition", "required for a COMPOSITE service: its steps, in YAML or JSON as the "
                    + "schema " + CompositeDefinitions.SCHEMA_RESOURCE + " describes them");
        }
        Format f = format != null ? format : text.stripLeading().startsWith("{") ? Format.JSON : Format.YAML;
        CompositeDefinitions.Parsed parsed = CompositeDefinitions.parse(text, f, catalogView());
        List<FieldProblem> problems = new ArrayList<>();
        parsed.problems().forEach(p -> problems.add(new FieldProblem(field(p.field()), p.message())));
        parsed.definition().filter(d -> !d.service().equals(id)).ifPresent(d -> problems.add(new FieldProblem(
                "definition.service", "names " + d.service() + ", but this service is " + id
                        + ": a definition describes its own catalog entry")));
        if (problems.isEmpty()) {
            problems.addAll(partitionProblems(parsed.orThrow(), partitions));
            problems.addAll(grantProblems(parsed.orThrow(), actor));
        }
        return problems.isEmpty() ? Result.ok(parsed.orThrow().withVersion(version)) : Result.invalid(problems);
    }

    /** The catalog as the validator sees it: active services by kind. */
    private ServiceCatalog catalogView() {
        return name -> catalog.find(name)
                .filter(d -> d.getStatus() == ServiceStatus.ACTIVE && d.getKind() != ServiceKind.UNKNOWN)
                .map(d -> ComponentKind.valueOf(d.getKind().name()));
    }

    private static String field(String problemField) {
        return problemField.startsWith("(") ? "definition" : "definition." + problemField;
    }

    /**
     * The orchestrator takes a step's reply on the partition its composite call came in on, so each service called
     * needs a reply topic with at least the composite's partitions; its REQUEST grant creates that topic with the
     * service's own partitions.
     */
    List<FieldProblem> partitionProblems(CompositeDefinition d, int partitions) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String service : calledServices(d)) {
            int theirs = catalog.find(service).map(s -> s.getPartitions()).orElse(partitions);
            if (theirs < partitions) {
                problems.add(new FieldProblem("partitions", "the composite has " + partitions + " partitions, service "
                        + service + " only " + theirs + ": the orchestrator needs each step's reply topic to have at "
                        + "least as many partitions as the composite's requests topic; give the composite at most "
                        + theirs + ", or grow " + service + " first"));
            }
        }
        return problems;
    }

    /** Whether each REQUEST grant the orchestrator would need can be made (its group exists, the kinds fit). */
    private List<FieldProblem> grantProblems(CompositeDefinition d, Actor actor) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String service : calledServices(d)) {
            Result<GrantView> preview = grants.preview(request(service, Operation.REQUEST, d), actor);
            if (preview instanceof Result.Invalid<GrantView> invalid) {
                problems.add(new FieldProblem("definition", "the orchestrator (group " + orchestratorGroup
                        + ") cannot be granted REQUEST on " + service + ": " + invalid.message()));
            }
        }
        return problems;
    }

    /** Stores a checked definition (a new version) and waits until it is read back. */
    void store(CompositeDefinition d) {
        store.put(d);
    }

    /** The latest version of a composite, if it has one. */
    Optional<CompositeDefinition> latest(String id) {
        return store.latest(id);
    }

    /** Whether two definitions say the same, whatever their versions. */
    static boolean same(CompositeDefinition a, CompositeDefinition b) {
        return CompositeDefinitions.toJson(a.withVersion(1)).equals(CompositeDefinitions.toJson(b.withVersion(1)));
    }

    /** A composite's definition for its view, if it has one. */
    Optional<CompositeView> view(String id) {
        List<CompositeDefinition> versions = store.versions(id);
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        CompositeDefinition latest = versions.get(versions.size() - 1);
        try {
            return Optional.of(new CompositeView(latest.version(),
                    versions.stream().map(CompositeDefinition::version).toList(),
                    JSON.readTree(CompositeDefinitions.toJson(latest))));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Grants the orchestrator what a definition needs and it lacks: SERVE on the composite, REQUEST on each service
     * called. Each grant is audited as any grant (action {@code grant.create}, by the administrator who registered).
     *
     * @return the grants made (those that existed already are left as they are)
     * @throws IllegalStateException if a grant is refused (the definition was checked, so the realm or the catalog
     *         changed meanwhile)
     */
    List<GrantView> grantOrchestrator(CompositeDefinition d, Actor actor) {
        List<GrantView> made = new ArrayList<>();
        grant(request(d.service(), Operation.SERVE, d), actor, made);
        calledServices(d).forEach(s -> grant(request(s, Operation.REQUEST, d), actor, made));
        return made;
    }

    private void grant(GrantRequest request, Actor actor, List<GrantView> made) {
        Result<GrantView> r = grants.grant(request, actor);
        if (r instanceof Result.Created<GrantView> created) {
            made.add(created.value());
        } else if (!(r instanceof Result.Conflict<GrantView>)) { // Conflict: an equal grant is active already
            throw new IllegalStateException("the orchestrator's grant " + request.operation() + " on "
                    + request.service() + " was refused: " + r);
        }
    }

    /**
     * Removes every version of a retired composite from the topic, then revokes the orchestrator's REQUEST grants on
     * services no remaining composite calls (its grants on the composite itself go with the composite's).
     */
    void retire(String id, Actor actor) {
        store.removeAll(id);
        Set<String> stillCalled = new LinkedHashSet<>();
        store.all().forEach(d -> stillCalled.addAll(calledServices(d)));
        grants.list(null, "Group:" + orchestratorGroup, "ACTIVE").stream()
                .filter(g -> g.operation().equals(Operation.REQUEST.name()) && !stillCalled.contains(g.service()))
                .forEach(g -> grants.revoke(g.id(), actor, "composite " + id + " retired: no composite calls "
                        + g.service() + " any more"));
    }

    /**
     * The active composites whose latest definition calls {@code service} in a step or a compensation, by name.
     * Only the latest version counts: it is the one new calls start on. A composite's own entry is ignored, and so is
     * one no longer ACTIVE in the catalog (its definitions are being removed).
     */
    List<CompositeDefinition> callersOf(String service) {
        Map<String, CompositeDefinition> latest = new TreeMap<>();
        store.all().forEach(d -> latest.merge(d.service(), d, (a, b) -> a.version() >= b.version() ? a : b));
        return latest.values().stream()
                .filter(d -> !d.service().equals(service) && calledServices(d).contains(service))
                .filter(d -> catalog.find(d.service()).filter(e -> e.getStatus() == ServiceStatus.ACTIVE).isPresent())
                .toList();
    }

    /** Every service a definition calls, steps and compensations, in order of appearance. */
    static Set<String> calledServices(CompositeDefinition d) {
        Set<String> services = new LinkedHashSet<>();
        for (Step s : d.steps()) {
            services.add(s.service());
            if (s.compensation() != null) {
                services.add(s.compensation().service());
            }
        }
        return services;
    }

    private GrantRequest request(String service, Operation operation, CompositeDefinition d) {
        return new GrantRequest(service, operation, PrincipalKind.GROUP, orchestratorGroup, null, null,
                "the orchestrator runs composite " + d.service() + " (version " + d.version() + ")");
    }
}
