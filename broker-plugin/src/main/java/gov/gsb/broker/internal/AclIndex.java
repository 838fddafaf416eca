package gov.gsb.broker.internal;

import gov.gsb.broker.internal.AclMatch.Verdict;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.metadata.authorizer.StandardAcl;
import org.apache.kafka.metadata.authorizer.StandardAclWithId;

/**
 * Every ACL of the cluster, indexed for decisions on any principal type ({@code User:},
 * {@code Group:}, {@code Role:}): by resource type, then pattern, then principal. Kafka's metadata
 * publisher feeds it one change at a time, in log order, from one thread; decisions read it from
 * many threads without locks and see each change whole as soon as it is applied.
 */
public final class AclIndex {

    private final Map<Uuid, StandardAcl> byId = new ConcurrentHashMap<>();
    private final Map<ResourceType, TypeAcls> byType = new EnumMap<>(ResourceType.class);

    /** An empty index. */
    public AclIndex() {
        // Filled up front so that readers never race a map that grows.
        for (ResourceType type : ResourceType.values()) {
            byType.put(type, new TypeAcls());
        }
    }

    /** An index of these ACLs (a metadata snapshot). */
    public static AclIndex of(Map<Uuid, StandardAcl> acls) {
        AclIndex index = new AclIndex();
        acls.forEach(index::add);
        return index;
    }

    /** Adds an ACL; adding an id again replaces its ACL. */
    public synchronized void add(Uuid id, StandardAcl acl) {
        StandardAcl old = byId.put(id, acl);
        if (old != null) {
            byType.get(old.resourceType()).remove(id, old);
        }
        byType.get(acl.resourceType()).add(new StandardAclWithId(id, acl));
    }

    /** Removes the ACL of that id, if there is one. */
    public synchronized void remove(Uuid id) {
        StandardAcl old = byId.remove(id);
        if (old != null) {
            byType.get(old.resourceType()).remove(id, old);
        }
    }

    /** @return how many ACLs the index holds */
    public int size() {
        return byId.size();
    }

    /**
     * The ACLs' verdict on one operation on one resource for a caller who is all of
     * {@code principals}: DENY if any ACL on any of them denies it (DENY wins), else ALLOW if one
     * allows it, else NONE (and the caller decides that NONE means deny).
     *
     * @param principals the caller's ACL principals, as text ({@code User:alice}, {@code User:*}, {@code Group:g}, ...)
     */
    public Verdict verdict(ResourceType type, String name, AclOperation operation, List<String> principals, String host) {
        return byType.get(type).verdict(name, principals, operation, host);
    }

    /**
     * Whether the caller may do {@code operation} on at least one resource of {@code type}, with
     * the rules of Kafka's default {@code Authorizer#authorizeByResourceType} applied to all the
     * caller's principals: a wildcard DENY denies; otherwise an ALLOW counts unless a DENY on the
     * same literal name or on a prefix of it covers it.
     */
    public boolean allowsSomeResource(ResourceType type, AclOperation operation, List<String> principals, String host) {
        Set<String> allowLiteral = new HashSet<>();
        Set<String> allowPrefixed = new HashSet<>();
        Set<String> denyLiteral = new HashSet<>();
        Set<String> denyPrefixed = new HashSet<>();
        TypeAcls acls = byType.get(type);
        acls.forEachLiteral((name, pattern) -> sort(pattern.verdict(principals, operation, host), name, allowLiteral, denyLiteral));
        acls.forEachPrefixed((name, pattern) -> sort(pattern.verdict(principals, operation, host), name, allowPrefixed, denyPrefixed));
        if (denyLiteral.contains(AclMatch.WILDCARD)) {
            return false;
        }
        if (allowLiteral.contains(AclMatch.WILDCARD)) {
            return true;
        }
        for (String name : allowLiteral) {
            if (!denyLiteral.contains(name) && !hasDeniedPrefix(name, denyPrefixed)) {
                return true;
            }
        }
        for (String prefix : allowPrefixed) {
            if (!hasDeniedPrefix(prefix, denyPrefixed)) {
                return true;
            }
        }
        return false;
    }

    private static void sort(Verdict verdict, String name, Set<String> allowed, Set<String> denied) {
        if (verdict == Verdict.ALLOW) {
            allowed.add(name);
        } else if (verdict == Verdict.DENY) {
            denied.add(name);
        }
    }

    private static boolean hasDeniedPrefix(String name, Set<String> deniedPrefixes) {
        if (deniedPrefixes.isEmpty()) {
            return false;
        }
        for (int length = 1; length <= name.length(); length++) {
            if (deniedPrefixes.contains(name.substring(0, length))) {
                return true;
            }
        }
        return false;
    }
}
