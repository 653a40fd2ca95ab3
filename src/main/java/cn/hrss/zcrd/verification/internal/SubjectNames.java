package cn.hrss.zcrd.verification.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * A certificate subject as a person reads it: its attributes in a fixed order, each with the key of its Chinese
 * label ({@code verify.dn.<key>}: 单位, 统一社会信用代码, 名称 …) — never a raw DN with {@code organizationIdentifier=}.
 */
final class SubjectNames {

    /** Attribute → label key, in the order shown. */
    private static final Map<ASN1ObjectIdentifier, String> LABELS = new java.util.LinkedHashMap<>();

    static {
        LABELS.put(BCStyle.O, "O");
        LABELS.put(BCStyle.ORGANIZATION_IDENTIFIER, "organizationIdentifier");
        LABELS.put(BCStyle.OU, "OU");
        LABELS.put(BCStyle.CN, "CN");
        LABELS.put(BCStyle.SERIALNUMBER, "SERIALNUMBER");
        LABELS.put(BCStyle.L, "L");
        LABELS.put(BCStyle.ST, "ST");
        LABELS.put(BCStyle.C, "C");
        LABELS.put(BCStyle.EmailAddress, "E");
    }

    private SubjectNames() {}

    /** The labelled parts {@code [labelKey, value]} of an RFC 4514 / Bouncy Castle DN; none for null or unparsable. */
    static List<String[]> parts(String dn) {
        if (dn == null || dn.isBlank()) {
            return List.of();
        }
        X500Name name;
        try {
            name = new X500Name(BCStyle.INSTANCE, dn);
        } catch (IllegalArgumentException e) {
            return List.<String[]>of(new String[] {"other", dn});
        }
        List<String[]> parts = new ArrayList<>();
        for (Map.Entry<ASN1ObjectIdentifier, String> label : LABELS.entrySet()) {
            for (RDN rdn : name.getRDNs(label.getKey())) {
                parts.add(new String[] {label.getValue(), text(rdn.getFirst())});
            }
        }
        for (RDN rdn : name.getRDNs()) {
            if (!LABELS.containsKey(rdn.getFirst().getType())) {
                parts.add(new String[] {"other", text(rdn.getFirst())});
            }
        }
        return parts;
    }

    private static String text(AttributeTypeAndValue attribute) {
        return attribute.getValue() instanceof ASN1String s
                ? s.getString()
                : IETFUtils.valueToString(attribute.getValue());
    }
}
