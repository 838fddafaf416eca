package gov.gsb.broker.internal;

import gov.gsb.broker.internal.AclMatch.Verdict;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.metadata.authorizer.StandardAclWithId;

/**
 * The ACLs of one resource pattern (say LITERAL topic {@code gsb.tax.returns}), grouped by their
 * principal text ({@code Group:agencies/tax}), so that a decision looks up only the caller's few
 * principals instead of scanning every ACL of the pattern. Immutable: a change makes a new instance
 * that replaces the old one in one step, so readers never see half a change.
 */
final class PatternAcls {

    static final PatternAcls EMPTY = new PatternAcls(Map.of(), 0);

    private final Map<String, StandardAclWithId[]> byPrincipal;
    private final int size;

    private PatternAcls(Map<String, StandardAclWithId[]> byPrincipal, int size) {
        this.byPrincipal = byPrincipal;
        this.size = size;
    }

    PatternAcls with(StandardAclWithId acl) {
        Map<String, StandardAclWithId[]> copy = new HashMap<>(byPrincipal);
        StandardAclWithId[] old = copy.getOrDefault(acl.acl().principal(), new StandardAclWithId[0]);
        StandardAclWithId[] grown = Arrays.copyOf(old, old.length + 1);
        grown[old.length] = acl;
        copy.put(acl.acl().principal(), grown);
        return new PatternAcls(Map.copyOf(copy), size + 1);
    }

    /** This pattern without the ACL of that id (kept under {@code principal}); {@link #EMPTY} when none are left. */
    PatternAcls without(Uuid id, String principal) {
        StandardAclWithId[] old = byPrincipal.get(principal);
        if (old == null) {
            return this;
        }
        StandardAclWithId[] kept = Arrays.stream(old).filter(a -> !a.id().equals(id)).toArray(StandardAclWithId[]::new);
        if (kept.length == old.length) {
            return this;
        }
        if (size - 1 == 0) {
            return EMPTY;
        }
        Map<String, StandardAclWithId[]> copy = new HashMap<>(byPrincipal);
        if (kept.length == 0) {
            copy.remove(principal);
        } else {
            copy.put(principal, kept);
        }
        return new PatternAcls(Map.copyOf(copy), size - 1);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /**
     * The verdict of this pattern's ACLs for a caller: DENY as soon as one of the caller's
     * principals is denied, else ALLOW if one is allowed, else NONE.
     */
    Verdict verdict(List<String> principals, AclOperation operation, String host) {
        boolean allowed = false;
        for (int i = 0; i < principals.size(); i++) {
            StandardAclWithId[] acls = byPrincipal.get(principals.get(i));
            if (acls == null) {
                continue;
            }
            for (StandardAclWithId acl : acls) {
                Verdict v = AclMatch.verdict(acl.acl(), operation, host);
                if (v == Verdict.DENY) {
                    return Verdict.DENY;
                }
                allowed |= v == Verdict.ALLOW;
            }
        }
        return allowed ? Verdict.ALLOW : Verdict.NONE;
    }
}
