package cn.hrss.zcrd.signing.internal;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The platform TSA over HTTP (RFC 3161 §3.4), for other systems and for checking the TSA from outside. */
@RestController
class TimeStampEndpoint {

    static final String PATH = "/pki/tsa";
    private static final MediaType REPLY = MediaType.parseMediaType("application/timestamp-reply");
    /** A request is an imprint plus a few fields; anything larger is not a time-stamp request. */
    private static final int MAX_REQUEST = 8192;

    private final PlatformTimeStampAuthority authority;

    TimeStampEndpoint(PlatformTimeStampAuthority authority) {
        this.authority = authority;
    }

    @PostMapping(path = PATH, consumes = "application/timestamp-query")
    ResponseEntity<byte[]> stamp(InputStream body) throws IOException {
        byte[] request = body.readNBytes(MAX_REQUEST + 1);
        if (request.length > MAX_REQUEST) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).build();
        }
        return ResponseEntity.ok().contentType(REPLY).body(authority.respond(request));
    }
}
