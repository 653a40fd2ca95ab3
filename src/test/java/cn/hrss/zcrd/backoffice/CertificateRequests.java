package cn.hrss.zcrd.backoffice;

import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** PKCS#10 requests as a UKEY's vendor tool would make them (here with a software key). */
final class CertificateRequests {

    private CertificateRequests() {}

    static String rsa2048() throws Exception {
        return rsa2048WithKey().pem();
    }

    /** A request and the key inside the "UKEY" (to present its certificate afterwards). */
    record Request(KeyPair key, String pem) {}

    static Request rsa2048WithKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        var request = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=ukey-request"), pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(request);
        }
        return new Request(pair, out.toString());
    }
}
