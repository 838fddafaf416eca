package gov.gsb.admin.audit;

import java.util.List;

/**
 * Who made a change, and from where: what an audit event records about its author.
 *
 * @param name the token's {@code preferred_username}
 * @param roles the realm roles the token carried
 * @param ip the client's address: from {@code X-Forwarded-For} when a trusted proxy sent it, else the peer's
 * @param userAgent the {@code User-Agent} header, or null
 */
public record Actor(String name, List<String> roles, String ip, String userAgent) {
}
