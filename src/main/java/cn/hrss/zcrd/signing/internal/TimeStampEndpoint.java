package cn.hrss.zcrd.signing.internal;

import cn.hrss.zcrd.shared.RateLimit;
import cn.hrss.zcrd.shared.RateLimits;
import cn.hrss.zcrd.signing.TimeStampProperties;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform TSA over HTTP (RFC 3161 §3.4) for other systems. Off by default ({@code
 * zcrd.signing.tsa.endpoint.enabled}): then the address does not exist and the TSA only stamps the platform's own
 * signatures. Enabled, only the clients of {@code clients-file} are answered (HTTP Basic), each through its own token
 * bucket of the limit {@code zcrd.limits.rules.tsa} (shared by all nodes); the TSA itself grants only its one policy and no extensions ({@link PlatformTimeStampAuthority#respond}).
 */
@RestController
class TimeStampEndpoint {

    static final String PATH = "/pki/tsa";
    private static final MediaType REPLY = MediaType.parseMediaType("application/timestamp-reply");
    /** A request is an imprint plus a few fields; anything larger is not a time-stamp request. */
    private static final int MAX_REQUEST = 8192;

    private final PlatformTimeStampAuthority authority;
    private final TimeStampProperties.Endpoint settings;
    private final TimeStampClients clients;
    private final RateLimit limit;

    TimeStampEndpoint(PlatformTimeStampAuthority authority, TimeStampProperties properties, RateLimits limits) {
        this.authority = authority;
        this.settings = properties.endpoint();
        this.limit = limits.named("tsa");
        this.clients = settings.enabled() ? TimeStampClients.read(settings.clientsFile()) : TimeStampClients.NONE;
    }

    @PostMapping(path = PATH)
    ResponseEntity<byte[]> stamp(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            InputStream body)
            throws IOException {
        if (!settings.enabled()) {
            return ResponseEntity.notFound().build();
        }
        Optional<String> client = clients.authenticate(authorization);
        if (client.isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"zcrd-tsa\", charset=\"UTF-8\"")
                    .build();
        }
        RateLimit.Decision decision = limit.tryTake("client:" + client.get());
        if (!decision.allowed()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()))
                    .build();
        }
        if (contentType == null || !contentType.startsWith("application/timestamp-query")) {
            return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).build();
        }
        byte[] request = body.readNBytes(MAX_REQUEST + 1);
        if (request.length > MAX_REQUEST) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).build();
        }
        return ResponseEntity.ok().contentType(REPLY).body(authority.respond(request));
    }
}
