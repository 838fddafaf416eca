package gov.gsb.composites;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of a definition beyond its JSON Schema: names that must resolve (steps, services in the catalog), the
 * step graph (no cycle), and paths that may only read replies of steps that run before. Every problem is reported,
 * not only the first. {@link CompositeDefinitions#parse} runs it; call it directly for a model built in code.
 */
public final class CompositeValidator {

    private CompositeValidator() {
    }

    /**
     * @param d the definition
     * @param catalog the catalog's services and their kinds
     * @return what is wrong, field by field; empty if the definition can be registered
     */
    public static List<Problem> validate(CompositeDefinition d, ServiceCatalog catalog) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < d.steps().size(); i++) {
            Step s = d.steps().get(i);
            if (index.putIfAbsent(s.name(), i) != null) {
                problems.add(new Problem(at(i, "name"), "step name " + s.name() + " is used by steps["
                        + index.get(s.name()) + "] already: step names are unique"));
            }
        }
        for (int i = 0; i < d.steps().size(); i++) {
            Step s = d.steps().get(i);
            for (String before : s.after()) {
                if (before.equals(s.name())) {
                    problems.add(new Problem(at(i, "after"), "step " + s.name() + " cannot come after itself"));
                } else if (!index.containsKey(before)) {
                    problems.add(new Problem(at(i, "after"), "unknown step " + before + ": no step of that name"));
                }
            }
            service(problems, at(i, "service"), s.service(), d.service(), catalog, false);
            if (s.compensation() != null) {
                service(problems, at(i, "compensation.service"), s.compensation().service(), d.service(), catalog, true);
            }
        }
        cycle(d).ifPresent(c -> problems.add(new Problem("steps", "the steps " + String.join(" -> ", c)
                + " form a cycle: each waits for the next (after), so none can start")));
        if (problems.isEmpty()) {
            paths(d, problems); // needs a graph without cycles and with known names
        }
        return problems;
    }

    private static void service(List<Problem> problems, String field, String service, String self,
                                ServiceCatalog catalog, boolean compensation) {
        if (service.equals(self)) {
            problems.add(new Problem(field, "a composite cannot call itself (" + self + ")"));
            return;
        }
        Optional<ComponentKind> kind = catalog.kindOf(service);
        if (kind.isEmpty()) {
            problems.add(new Problem(field, "unknown service " + service + ": not in the catalog (or retired); "
                    + "register it first"));
        } else if (kind.get() == ComponentKind.EVENT) {
            problems.add(new Problem(field, "service " + service + " is an EVENT service: a "
                    + (compensation ? "compensation" : "step") + " must call a REQUEST_REPLY service, which answers"));
        } else if (compensation && kind.get() != ComponentKind.REQUEST_REPLY) {
            problems.add(new Problem(field, "service " + service + " is " + kind.get()
                    + ": a compensation must call a REQUEST_REPLY service"));
        }
    }

    /** @return the steps of one cycle, the first repeated at the end, if there is one */
    static Optional<List<String>> cycle(CompositeDefinition d) {
        Map<String, Step> byName = d.stepsByName();
        Map<String, Integer> state = new HashMap<>(); // 1 on the current path, 2 done
        for (String start : byName.keySet()) {
            List<String> path = new ArrayList<>();
            Optional<List<String>> found = visit(start, byName, state, path);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> visit(String name, Map<String, Step> byName, Map<String, Integer> state,
                                                List<String> path) {
        Integer s = state.get(name);
        if (s != null && s == 2) {
            return Optional.empty();
        }
        if (s != null) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
            cycle.add(name);
            return Optional.of(cycle);
        }
        state.put(name, 1);
        path.add(name);
        Step step = byName.get(name);
        for (String next : step == null ? List.<String>of() : step.after()) {
            if (byName.containsKey(next)) {
                Optional<List<String>> found = visit(next, byName, state, path);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        path.remove(path.size() - 1);
        state.put(name, 2);
        return Optional.empty();
    }

    private static void paths(CompositeDefinition d, List<Problem> problems) {
        Map<String, Step> byName = d.stepsByName();
        for (int i = 0; i < d.steps().size(); i++) {
            Step s = d.steps().get(i);
            Set<String> before = predecessors(s.name(), byName);
            for (String path : Mapping.paths(s.input())) {
                readable(problems, at(i, "input"), path, s.name(), before, byName);
            }
            if (s.when() != null) {
                readable(problems, at(i, "when.path"), s.when().path(), s.name(), before, byName);
            }
            if (s.compensation() != null) {
                Set<String> withSelf = new HashSet<>(before);
                withSelf.add(s.name()); // a compensation undoes its step: it may read that step's reply
                for (String path : Mapping.paths(s.compensation().input())) {
                    readable(problems, at(i, "compensation.input"), path, s.name(), withSelf, byName);
                }
            }
        }
    }

    private static void readable(List<Problem> problems, String field, String path, String step, Set<String> before,
                                 Map<String, Step> byName) {
        if (!Mapping.PATH.matcher(path).matches()) {
            problems.add(new Problem(field, "path " + path + " is not of the form $.request.<field>..., "
                    + "$.steps.<step>.reply.<field>... or $.call.id|correlationId|endUser"));
            return;
        }
        String other = Mapping.stepOf(path);
        if (path.startsWith("$.steps.") && (other == null || !path.startsWith("$.steps." + other + ".reply"))) {
            problems.add(new Problem(field, "path " + path + " must read a step's reply: $.steps.<step>.reply..."));
        } else if (other != null && !byName.containsKey(other)) {
            problems.add(new Problem(field, "path " + path + " reads unknown step " + other));
        } else if (other != null && !before.contains(other)) {
            problems.add(new Problem(field, "path " + path + " reads the reply of step " + other + ", which does not "
                    + "run before step " + step + ": add it to after"));
        }
    }

    /** @return every step that must be done before {@code name} starts (transitively) */
    static Set<String> predecessors(String name, Map<String, Step> byName) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(byName.get(name).after());
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (seen.add(next) && byName.containsKey(next)) {
                todo.addAll(byName.get(next).after());
            }
        }
        return seen;
    }

    private static String at(int step, String field) {
        return "steps[" + step + "]." + field;
    }
}
