package cn.hrss.zcrd.shared;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code zcrd.pdf.*}: the fonts of every generated PDF.
 *
 * @param font          the main font (a .ttf, or a .ttc followed by {@code ,index}); draws every character it has
 * @param fallbackFonts TrueType fonts for what the main font lacks (CJK Extensions A–G, compatibility ideographs),
 *                      consulted in this order: a character is drawn by the first font, main first, that has it
 */
@ConfigurationProperties("zcrd.pdf")
public record PdfFontProperties(String font, List<String> fallbackFonts) {

    public PdfFontProperties {
        fallbackFonts = fallbackFonts == null ? List.of() : List.copyOf(fallbackFonts);
    }

    /** The file of a font location ({@code file} or {@code file,index}). */
    public static String file(String location) {
        int comma = location.lastIndexOf(',');
        return comma > 0
                        && comma < location.length() - 1
                        && location.substring(comma + 1).chars().allMatch(Character::isDigit)
                ? location.substring(0, comma)
                : location;
    }
}
