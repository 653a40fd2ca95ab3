package cn.hrss.zcrd.unit;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The comparison key of a unit name: two names with the same key name the same unit. Unicode NFKC (full-width
 * letters, digits and brackets become half-width: {@code （} → {@code (}), every kind of bracket one round pair
 * ({@code 【】〔〕[]{}} → {@code ()}), no white space at all (also the ideographic space), Latin letters upper-case.
 * So {@code 济南市（历下）科技 有限公司} and {@code 济南市(历下)科技有限公司} are one name.
 */
public final class UnitNameKey {

    private UnitNameKey() {}

    public static String of(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder key = new StringBuilder(folded.length());
        folded.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return;
            }
            switch (c) {
                case '[', '{', '【', '〔', '〖', '〘', '｟' -> key.append('(');
                case ']', '}', '】', '〕', '〗', '〙', '｠' -> key.append(')');
                default -> key.appendCodePoint(c);
            }
        });
        return key.toString().toUpperCase(Locale.ROOT);
    }
}
