package cn.hrss.zcrd.signing;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * What a platform key may be used for, written into its certificate so that no key can pass for another's purpose.
 * Each profile has its own certificate policy under the bureau's OID arc ({@code zcrd.signing.policy-arc}):
 *
 * <ul>
 *   <li>{@link #SEAL} — an electronic seal: key usage digitalSignature + nonRepudiation (contentCommitment), policy
 *       {@code arc.1.1}, no extended key usage. Only these certificates sign title certificates.</li>
 *   <li>{@link #TIME_STAMPING} — the platform TSA: digitalSignature, the critical EKU id-kp-timeStamping only,
 *       policy {@code arc.1.2}.</li>
 *   <li>{@link #AUDIT} — the key that signs audit checkpoints: digitalSignature + nonRepudiation, policy {@code
 *       arc.1.3}, the critical EKU {@link CertificateAuthority#AUDIT_CHECKPOINT_PURPOSE} only.</li>
 *   <li>{@link #TEST} — health check and specimen: digitalSignature, policy {@code arc.1.9}; never a seal.</li>
 * </ul>
 *
 * The time-stamp policy under which the TSA issues its tokens is {@code arc.2.1} (RFC 3161 TSA policy, the default
 * of {@code zcrd.signing.tsa.policy}).
 */
public enum CertificateProfile {
    SEAL("1.1"),
    TIME_STAMPING("1.2"),
    AUDIT("1.3"),
    TEST("1.9");

    private final String suffix;

    CertificateProfile(String suffix) {
        this.suffix = suffix;
    }

    /** This profile's certificate policy OID under {@code arc}. */
    public ASN1ObjectIdentifier policy(String arc) {
        return new ASN1ObjectIdentifier(arc).branch(suffix);
    }

    /**
     * Whether {@code certificate} carries this profile's policy under {@code arc}. For {@link #SEAL} also the
     * seal's key usages and no other purpose: not a CA, nonRepudiation and digitalSignature, no extended key usage
     * except id-kp-documentSigning (RFC 9336).
     */
    public boolean matches(X509Certificate certificate, String arc) {
        return matchesPolicy(certificate, policy(arc));
    }

    /**
     * Whether {@code certificate} carries {@code policy} and, for {@link #SEAL}, the seal's key usages and no other
     * purpose (see {@link #matches}): how a seal certificate of an external CA, with that CA's policy OID, is judged.
     */
    public boolean matchesPolicy(X509Certificate certificate, ASN1ObjectIdentifier policy) {
        if (!policiesOf(certificate).contains(policy)) {
            return false;
        }
        if (this != SEAL) {
            return true;
        }
        boolean[] usage = certificate.getKeyUsage();
        if (certificate.getBasicConstraints() >= 0 || usage == null || !usage[0] || !usage[1]) {
            return false;
        }
        try {
            List<String> purposes = certificate.getExtendedKeyUsage();
            return purposes == null || purposes.stream().allMatch(DOCUMENT_SIGNING::equals);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    /** id-kp-documentSigning (RFC 9336), the one extended key usage a seal certificate may carry. */
    public static final String DOCUMENT_SIGNING = "1.3.6.1.5.5.7.3.36";

    /** The certificate policy OIDs {@code certificate} carries (none when it has no such extension). */
    public static List<ASN1ObjectIdentifier> policiesOf(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.certificatePolicies.getId());
        if (value == null) {
            return List.of();
        }
        try {
            CertificatePolicies policies =
                    CertificatePolicies.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value));
            return java.util.Arrays.stream(policies.getPolicyInformation())
                    .map(PolicyInformation::getPolicyIdentifier)
                    .toList();
        } catch (java.io.IOException | RuntimeException e) {
            return List.of();
        }
    }
}
