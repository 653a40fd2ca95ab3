package cn.hrss.zcrd.signing.internal;

import cn.hrss.zcrd.signing.TimeStampProperties;
import cn.hrss.zcrd.signing.TimeStampSource;
import cn.hrss.zcrd.signing.TimeStampUnavailableException;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An external RFC 3161 TSA over HTTP. A TSA that does not answer (or answers 5xx) is tried again after a back-off
 * that doubles each time; after the last try the item fails with {@link TimeStampUnavailableException}, and the
 * issuing job picks it up again later. A refusal or a token that does not match the request is not retried.
 */
class ExternalTimeStampSource implements TimeStampSource {

    private static final Logger log = LoggerFactory.getLogger(ExternalTimeStampSource.class);

    /** How the wait between tries is spent; tests replace it. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final TimeStampProperties properties;
    private final HttpClient client;
    private final Sleeper sleeper;
    private final SecureRandom random = new SecureRandom();

    private final URI address;
    private final String authorization;

    ExternalTimeStampSource(TimeStampProperties properties) {
        this(properties, duration -> Thread.sleep(duration.toMillis()));
    }

    ExternalTimeStampSource(TimeStampProperties properties, Sleeper sleeper) {
        this.properties = properties;
        this.sleeper = sleeper;
        URI url = properties.url();
        // credentials in the address (https://client:secret@tsa.example/) go into an HTTP Basic header; the address
        // used in requests and messages is without them
        this.address = URI.create(url.toString().replace(url.getRawUserInfo() + "@", ""));
        this.authorization = url.getRawUserInfo() == null
                ? null
                : "Basic "
                        + Base64.getEncoder()
                                .encodeToString(URLDecoder.decode(url.getRawUserInfo(), StandardCharsets.UTF_8)
                                        .getBytes(StandardCharsets.UTF_8));
        this.client =
                HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    @Override
    public byte[] timeStampToken(byte[] sha256Imprint) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256Imprint, new BigInteger(63, random));
        Duration backoff = properties.initialBackoff();
        Exception last = null;
        for (int attempt = 1; attempt <= Math.max(1, properties.attempts()); attempt++) {
            try {
                return ask(request);
            } catch (IOException | Unavailable e) {
                last = e;
                log.warn("TSA {}: try {} of {} failed: {}", address, attempt, properties.attempts(), e.getMessage());
            }
            if (attempt < properties.attempts()) {
                try {
                    sleeper.sleep(backoff);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TimeStampUnavailableException("Interrupted while waiting for TSA " + address, e);
                }
                backoff = backoff.multipliedBy(2);
            }
        }
        throw new TimeStampUnavailableException(
                "TSA " + address + " gave no time stamp after " + properties.attempts() + " tries: "
                        + (last == null ? "" : last.getMessage()),
                last);
    }

    private byte[] ask(TimeStampRequest request) throws IOException, Unavailable {
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(
                    withCredentials(HttpRequest.newBuilder(address))
                            .timeout(properties.timeout())
                            .header("Content-Type", "application/timestamp-query")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeStampUnavailableException("Interrupted while asking TSA " + address, e);
        }
        if (answer.statusCode() >= 500 || answer.statusCode() == 429) {
            throw new Unavailable("HTTP " + answer.statusCode());
        }
        if (answer.statusCode() != 200) {
            throw new TimeStampUnavailableException("TSA " + address + " answered HTTP " + answer.statusCode());
        }
        try {
            TimeStampResponse response = new TimeStampResponse(answer.body());
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new TimeStampUnavailableException("TSA " + address + " refused: " + response.getStatusString());
            }
            return response.getTimeStampToken().getEncoded();
        } catch (TSPException e) {
            throw new TimeStampUnavailableException(
                    "TSA " + address + " answered with an unusable token: " + e.getMessage(), e);
        }
    }

    private HttpRequest.Builder withCredentials(HttpRequest.Builder request) {
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    /** A failure worth another try. */
    private static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }
}
