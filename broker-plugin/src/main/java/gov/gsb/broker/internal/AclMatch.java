package gov.gsb.broker.internal;

import static org.apache.kafka.common.acl.AclOperation.ALL;
import static org.apache.kafka.common.acl.AclOperation.ALTER;
import static org.apache.kafka.common.acl.AclOperation.ALTER_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.DELETE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

import java.util.EnumSet;
import java.util.Set;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.metadata.authorizer.StandardAcl;

/**
 * What one ACL says about one operation from one host, with Kafka's rules (those of
 * {@code StandardAuthorizerData.findResult}): ALL covers every operation; an ALLOW of READ, WRITE,
 * DELETE or ALTER also allows DESCRIBE, an ALLOW of ALTER_CONFIGS also DESCRIBE_CONFIGS; a DENY
 * denies only the operation it names (a DENY of READ does not deny DESCRIBE).
 */
public final class AclMatch {

    /** The answer of one ACL, or of a set of them. */
    public enum Verdict { ALLOW, DENY, NONE }

    /** The host of an ACL that applies from every host, and the name of a wildcard resource. */
    public static final String WILDCARD = "*";

    private static final Set<AclOperation> IMPLY_DESCRIBE = EnumSet.of(READ, WRITE, DELETE, ALTER);

    private AclMatch() {
    }

    /** The ACL's verdict on {@code operation} from {@code host}; its principal and resource already matched. */
    public static Verdict verdict(StandardAcl acl, AclOperation operation, String host) {
        if (!acl.host().equals(WILDCARD) && !acl.host().equals(host)) {
            return Verdict.NONE;
        }
        boolean allow = acl.permissionType() == AclPermissionType.ALLOW;
        if (acl.operation() != ALL && acl.operation() != operation && !(allow && implies(acl.operation(), operation))) {
            return Verdict.NONE;
        }
        return allow ? Verdict.ALLOW : Verdict.DENY;
    }

    /** Whether allowing {@code granted} also allows {@code requested} (a different operation). */
    static boolean implies(AclOperation granted, AclOperation requested) {
        return requested == DESCRIBE && IMPLY_DESCRIBE.contains(granted)
                || requested == DESCRIBE_CONFIGS && granted == ALTER_CONFIGS;
    }
}
