package cn.hrss.zcrd.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hrss.zcrd.signing.SoftwareTimeStampAuthority;
import java.security.MessageDigest;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.Test;

/**
 * The room a certificate PDF reserves for its signature container follows the containers actually made: it shrinks
 * to the largest seen (plus a margin) after the first, and grows when a time-stamp token no longer fits.
 */
class CadesDetachedSignatureTest {

    @Test
    void theReservationShrinksToTheContainersSeenAndGrowsWhenATokenNoLongerFits() throws Exception {
        InMemorySignatureToken seal = OnePassCertificateDocumentsTest.softwareToken();
        SoftwareTimeStampAuthority stamps = SoftwareTimeStampAuthority.selfSigned();
        CadesDetachedSignature signature = new CadesDetachedSignature(seal, "seal", seal.chain(), stamps);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("证书".getBytes());

        int before = signature.reservedBytes();
        int size = signature.sign(digest, before).cms().length;
        int after = signature.reservedBytes();
        assertThat(after)
                .as("shrunk to the container seen, with room to spare")
                .isLessThan(before)
                .isGreaterThanOrEqualTo(size + CadesDetachedSignature.MARGIN);

        stamps.growTokensBy(3); // the TSA's tokens grow by three certificates
        assertThatThrownBy(() -> signature.sign(digest, after))
                .isInstanceOf(CadesDetachedSignature.ContainerTooLarge.class);
        int grown = signature.reservedBytes();
        CadesDetachedSignature.Signed signed = signature.sign(digest, grown);
        assertThat(signed.cms().length).isLessThanOrEqualTo(grown);
        assertThat(new CMSSignedData(signed.cms()).getSignerInfos().size()).isEqualTo(1);
    }
}
