package gov.gsb.broker.internal;

import gov.gsb.broker.internal.AclMatch.Verdict;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.metadata.authorizer.StandardAcl;
import org.apache.kafka.metadata.authorizer.StandardAclWithId;

/**
 * The ACLs of one resource type: LITERAL patterns by exact name ({@code *} is the wildcard) and
 * PREFIXED patterns by prefix. A prefixed lookup tries only the prefix lengths that exist, so a
 * decision costs a few hash lookups however many ACLs there are. Readers need no lock; writers are
 * serialized by {@link AclIndex}.
 */
final class TypeAcls {

    private final ConcurrentHashMap<String, PatternAcls> literal = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, PatternAcls> prefixed = new ConcurrentHashMap<>();
    /** How many prefixed patterns have each length; only touched by the (single) writer. */
    private final Map<Integer, Integer> prefixLengthCounts = new HashMap<>();
    /** The distinct prefix lengths, ascending; replaced whole when one appears or disappears. */
    private volatile int[] prefixLengths = new int[0];

    void add(StandardAclWithId acl) {
        StandardAcl a = acl.acl();
        boolean isPrefixed = a.patternType() == PatternType.PREFIXED;
        Map<String, PatternAcls> patterns = isPrefixed ? prefixed : literal;
        PatternAcls old = patterns.getOrDefault(a.resourceName(), PatternAcls.EMPTY);
        // The pattern is in the map before its length is published: a reader never looks up a
        // length whose pattern is missing, at worst it misses an ACL that is being added.
        patterns.put(a.resourceName(), old.with(acl));
        if (isPrefixed && old.isEmpty()) {
            countPrefixLength(a.resourceName().length(), +1);
        }
    }

    void remove(Uuid id, StandardAcl a) {
        boolean isPrefixed = a.patternType() == PatternType.PREFIXED;
        Map<String, PatternAcls> patterns = isPrefixed ? prefixed : literal;
        PatternAcls old = patterns.get(a.resourceName());
        if (old == null) {
            return;
        }
        PatternAcls rest = old.without(id, a.principal());
        if (!rest.isEmpty()) {
            patterns.put(a.resourceName(), rest);
            return;
        }
        patterns.remove(a.resourceName());
        if (isPrefixed) {
            countPrefixLength(a.resourceName().length(), -1);
        }
    }

    /** Keeps {@link #prefixLengths} in step; rebuilt only when a length appears or disappears. */
    private void countPrefixLength(int length, int delta) {
        int count = prefixLengthCounts.merge(length, delta, Integer::sum);
        if (count <= 0) {
            prefixLengthCounts.remove(length);
        }
        if (count <= 0 || count == 1 && delta > 0) {
            prefixLengths = prefixLengthCounts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        }
    }

    /** DENY if any matching ACL denies the caller, else ALLOW if one allows it, else NONE. */
    Verdict verdict(String name, List<String> principals, AclOperation operation, String host) {
        boolean allowed = false;
        Verdict v = verdictOf(literal.get(name), principals, operation, host);
        if (v == Verdict.DENY) {
            return v;
        }
        allowed |= v == Verdict.ALLOW;
        v = verdictOf(literal.get(AclMatch.WILDCARD), principals, operation, host);
        if (v == Verdict.DENY) {
            return v;
        }
        allowed |= v == Verdict.ALLOW;
        for (int length : prefixLengths) {
            if (length > name.length()) {
                break;
            }
            v = verdictOf(prefixed.get(name.substring(0, length)), principals, operation, host);
            if (v == Verdict.DENY) {
                return v;
            }
            allowed |= v == Verdict.ALLOW;
        }
        return allowed ? Verdict.ALLOW : Verdict.NONE;
    }

    private static Verdict verdictOf(PatternAcls acls, List<String> principals, AclOperation operation, String host) {
        return acls == null ? Verdict.NONE : acls.verdict(principals, operation, host);
    }

    /** Visits every literal pattern (name, ACLs) — for decisions about a whole resource type. */
    void forEachLiteral(BiConsumer<String, PatternAcls> visitor) {
        literal.forEach(visitor);
    }

    /** Visits every prefixed pattern (prefix, ACLs). */
    void forEachPrefixed(BiConsumer<String, PatternAcls> visitor) {
        prefixed.forEach(visitor);
    }
}
