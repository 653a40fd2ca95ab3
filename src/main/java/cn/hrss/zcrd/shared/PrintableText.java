package cn.hrss.zcrd.shared;

import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.stereotype.Component;

/**
 * Whether the product can print a text: every character must be in the cmap of a configured font — the main font
 * ({@code zcrd.pdf.font}) or one of its fallbacks ({@code zcrd.pdf.fallback-fonts}), the fonts of the certificate
 * and of every other generated PDF (see {@link CjkFont}). A character no font can draw — e.g. 𰁁 U+30041 of CJK
 * Extension G, which none of WenQuanYi Zen Hei, HanaMin A/B and BabelStone Han has — would come out as an empty box
 * (.notdef) on a signed certificate, so names are refused where they are entered and issuance checks again before
 * signing. The one place that decides it; line breaks and tabs are not printed and pass. Nothing is normalised: a
 * compatibility ideograph (U+F900–FAFF, U+2F800–2FA1F) stays as typed and is printed from a font that has it.
 */
@Component
public class PrintableText {

    /** Message key of the refusal at a field; argument: the character that cannot be printed. */
    public static final String UNPRINTABLE = "format.unprintable-character";

    private final CjkFont font;

    PrintableText(CjkFont font) {
        this.font = font;
    }

    /** The first character of {@code text} that no configured font can draw, if any. */
    public OptionalInt firstUnprintable(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        return text.codePoints()
                .filter(c -> c != '\n' && c != '\r' && c != '\t' && !font.covers(c))
                .findFirst();
    }

    /** Whether every character of {@code text} can be printed. */
    public boolean printable(String text) {
        return firstUnprintable(text).isEmpty();
    }

    /** The refusal of {@code field} when its text holds a character no font can draw, naming the character. */
    public Optional<FieldProblem> problem(String field, String text) {
        OptionalInt c = firstUnprintable(text);
        return c.isPresent()
                ? Optional.of(FieldProblem.of(field, UNPRINTABLE, describe(c.getAsInt())))
                : Optional.empty();
    }

    /** The character and its code point, as the message shows it: “𠀀”（U+20000）. */
    public static String describe(int codePoint) {
        return "“" + Character.toString(codePoint) + "”（U+" + String.format("%04X", codePoint) + "）";
    }
}
