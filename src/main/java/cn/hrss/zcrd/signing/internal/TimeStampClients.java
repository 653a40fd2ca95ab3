package cn.hrss.zcrd.signing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The systems allowed to ask the platform TSA over HTTP: one line {@code name:sha256-hex-of-secret} each. Only the
 * hash is kept; a request names the client with HTTP Basic ({@code name:secret}).
 */
final class TimeStampClients {

    static final TimeStampClients NONE = new TimeStampClients(Map.of());

    private final Map<String, byte[]> secretHashes;

    private TimeStampClients(Map<String, byte[]> secretHashes) {
        this.secretHashes = secretHashes;
    }

    /** Reads the clients file; a missing or malformed file stops the start with the reason. */
    static TimeStampClients read(Path file) {
        if (file == null) {
            throw new IllegalStateException(
                    "zcrd.signing.tsa.endpoint.enabled is true but zcrd.signing.tsa.endpoint.clients-file is not set");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("TSA clients file " + file + " cannot be read", e);
        }
        Map<String, byte[]> clients = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String hash = colon < 0 ? "" : line.substring(colon + 1).strip();
            if (colon < 1 || !hash.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalStateException("TSA clients file " + file + ": expected name:sha256-hex, found '"
                        + (colon < 1 ? line : line.substring(0, colon)) + ":…'");
            }
            clients.put(line.substring(0, colon).strip(), HexFormat.of().parseHex(hash));
        }
        return new TimeStampClients(Map.copyOf(clients));
    }

    /** The client an {@code Authorization: Basic …} header names, when its secret is right. */
    Optional<String> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String pair;
        try {
            pair = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = pair.indexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        String name = pair.substring(0, colon);
        byte[] expected = secretHashes.get(name);
        byte[] given = sha256(pair.substring(colon + 1));
        // compared in constant time, also for an unknown name
        boolean right = MessageDigest.isEqual(expected == null ? new byte[32] : expected, given) && expected != null;
        return right ? Optional.of(name) : Optional.empty();
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
