package gov.gsb.broker.internal;

import gov.gsb.broker.GsbPrincipal;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.security.auth.KafkaPrincipal;

/**
 * The bytes a broker sends to the controller for a forwarded request's principal (CreateTopics,
 * CreateAcls and others are forwarded inside an envelope). Layout, big-endian:
 *
 * <pre>
 * short magic 0x4753 ("GS") | byte version 1 | byte flags (1 = GsbPrincipal, 2 = token-authenticated)
 * string type | string name | int n, n strings: groups | int m, m strings: roles
 * string = int length + UTF-8 bytes
 * </pre>
 *
 * <p>Kafka's own format starts with the version short 0, so the magic tells the two apart and a
 * controller with this plugin still reads principals from a broker without it (rolling upgrade).
 */
public final class PrincipalCodec {

    /** First two bytes of every principal this codec writes. */
    public static final short MAGIC = 0x4753;
    private static final byte VERSION = 1;
    private static final byte GSB = 1;
    private static final byte TOKEN_AUTHENTICATED = 2;
    /** Far above any real token (Kafka caps SASL messages at 512 KiB by default): a guard against corrupt input. */
    private static final int MAX_ITEMS = 100_000;

    private PrincipalCodec() {
    }

    /** Whether {@code bytes} were written by this codec (rather than Kafka's default builder). */
    public static boolean isOurs(byte[] bytes) {
        return bytes.length >= 2 && ByteBuffer.wrap(bytes).getShort() == MAGIC;
    }

    /** Writes any principal; groups and roles only exist for a {@link GsbPrincipal}. */
    public static byte[] write(KafkaPrincipal principal) {
        List<byte[]> strings = new ArrayList<>();
        strings.add(utf8(principal.getPrincipalType()));
        strings.add(utf8(principal.getName()));
        Set<String> groups = principal instanceof GsbPrincipal g ? g.groups() : Set.of();
        Set<String> roles = principal instanceof GsbPrincipal g ? g.roles() : Set.of();
        groups.forEach(s -> strings.add(utf8(s)));
        roles.forEach(s -> strings.add(utf8(s)));
        int size = 2 + 1 + 1 + 4 + 4 + strings.stream().mapToInt(s -> 4 + s.length).sum();
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putShort(MAGIC).put(VERSION).put(flags(principal));
        put(out, strings.get(0));
        put(out, strings.get(1));
        out.putInt(groups.size());
        strings.subList(2, 2 + groups.size()).forEach(s -> put(out, s));
        out.putInt(roles.size());
        strings.subList(2 + groups.size(), strings.size()).forEach(s -> put(out, s));
        return out.array();
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @throws SerializationException if the bytes are not a principal of a version this codec knows
     */
    public static KafkaPrincipal read(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (in.getShort() != MAGIC) {
                throw new SerializationException("not a GSB principal");
            }
            byte version = in.get();
            if (version != VERSION) {
                throw new SerializationException("GSB principal version " + version + " is newer than this plugin knows (" + VERSION + ")");
            }
            byte flags = in.get();
            String type = string(in);
            String name = string(in);
            Set<String> groups = strings(in);
            Set<String> roles = strings(in);
            boolean token = (flags & TOKEN_AUTHENTICATED) != 0;
            KafkaPrincipal principal = (flags & GSB) != 0 ? new GsbPrincipal(name, groups, roles) : new KafkaPrincipal(type, name);
            principal.tokenAuthenticated(token);
            return principal;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new SerializationException("corrupt GSB principal: " + e, e);
        }
    }

    private static byte flags(KafkaPrincipal principal) {
        int flags = principal instanceof GsbPrincipal ? GSB : 0;
        return (byte) (principal.tokenAuthenticated() ? flags | TOKEN_AUTHENTICATED : flags);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void put(ByteBuffer out, byte[] s) {
        out.putInt(s.length).put(s);
    }

    private static String string(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("string length " + length + " with " + in.remaining() + " bytes left");
        }
        byte[] s = new byte[length];
        in.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }

    private static Set<String> strings(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > MAX_ITEMS) {
            throw new IllegalArgumentException("list of " + n + " strings");
        }
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            values.add(string(in));
        }
        return values;
    }
}
