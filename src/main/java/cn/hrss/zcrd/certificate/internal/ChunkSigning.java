package cn.hrss.zcrd.certificate.internal;

import cn.hrss.zcrd.certificate.CertificateContent;
import cn.hrss.zcrd.seal.ElectronicSeal;
import cn.hrss.zcrd.shared.IdNumber;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Renders and signs the certificates of a chunk in parallel on the bounded signing pool ({@code signing-threads}),
 * outside any transaction: the PDF states the holder's ID number masked ({@link IdNumber#masked(String)}) and links
 * to {@code {zcrd.verification.base-url}/verify/c/{number}?k={key}}. Owned and stopped by the {@link IssuanceJob}.
 */
final class ChunkSigning {

    private final CertificateDocuments documents;
    private final String verificationBase;
    private final ExecutorService pool;

    ChunkSigning(CertificateDocuments documents, String verificationBase, int threads) {
        this.documents = documents;
        this.verificationBase = verificationBase.endsWith("/")
                ? verificationBase.substring(0, verificationBase.length() - 1)
                : verificationBase;
        this.pool = Executors.newFixedThreadPool(threads, threads("certificate-sign-"));
    }

    /** What a chunk's signing gave: every certificate signed, and the first failure (null when none). */
    record Signed(List<CertificateStore.Issued> done, Throwable failure) {}

    /** Starts rendering and signing the chunk on the bounded signing pool. */
    List<Future<CertificateStore.Issued>> submit(
            List<BatchStore.Work> work, ElectronicSeal seal, BatchStore.Batch batch, String unitName) {
        List<Future<CertificateStore.Issued>> futures = new ArrayList<>(work.size());
        for (BatchStore.Work w : work) {
            futures.add(pool.submit(() -> make(w, seal, batch, unitName)));
        }
        return futures;
    }

    /** Waits for the chunk; keeps every success and the first failure. */
    Signed collect(List<Future<CertificateStore.Issued>> futures) {
        List<CertificateStore.Issued> done = new ArrayList<>(futures.size());
        Throwable failure = null;
        for (Future<CertificateStore.Issued> f : futures) {
            try {
                done.add(f.get());
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            } catch (CancellationException e) {
                failure = failure == null ? e : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(x -> x.cancel(true));
                failure = failure == null ? e : failure;
                break;
            }
        }
        return new Signed(done, failure);
    }

    private CertificateStore.Issued make(
            BatchStore.Work w, ElectronicSeal seal, BatchStore.Batch batch, String unitName) {
        CertificateContent content = new CertificateContent(
                w.holderName(),
                IdNumber.masked(w.idNumber()),
                w.titleName(),
                w.seriesName(),
                w.specialtyName(),
                w.levelName(),
                batch.publishDate(),
                unitName,
                w.number().value(),
                w.original());
        SignedCertificatePdf pdf = documents.make(content, verificationAddress(w), seal);
        String sha256 = sha256(pdf.pdf());
        if (pdf.pdf().length == 0 || !sha256.equalsIgnoreCase(pdf.sha256())) {
            throw new IllegalStateException("certificate " + w.number() + ": PDF and its SHA-256 disagree");
        }
        return new CertificateStore.Issued(w, pdf.pdf(), sha256, seal.id());
    }

    URI verificationAddress(BatchStore.Work w) {
        return URI.create(verificationBase + "/verify/c/" + w.number().value() + "?k=" + w.verificationKey());
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Interrupts the signing threads; what they were signing is dropped. */
    void stop() {
        pool.shutdownNow();
    }

    static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
