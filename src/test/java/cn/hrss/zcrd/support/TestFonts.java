package cn.hrss.zcrd.support;

import cn.hrss.zcrd.shared.PdfFontProperties;
import java.util.List;

/**
 * The fonts of application.yml ({@code zcrd.pdf.*}) for tests without Spring, and characters to test them with: the
 * main font WenQuanYi Zen Hei (fonts-wqy-zenhei) and the fallbacks HanaMin A/B (fonts-hanazono) and BabelStone Han
 * (fonts-babelstone-han), as ops/test installs them.
 */
public final class TestFonts {

    public static final String MAIN = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0";
    public static final String HANAMIN_A = "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf";
    public static final String HANAMIN_B = "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf";
    public static final String BABELSTONE = "/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf";

    public static final PdfFontProperties CONFIGURED =
            new PdfFontProperties(MAIN, List.of(HANAMIN_A, HANAMIN_B, BABELSTONE));
    public static final PdfFontProperties MAIN_ONLY = new PdfFontProperties(MAIN, List.of());

    /** 𠀾 U+2003E (Ext B; HanaMin A has it, the main font not). */
    public static final String EXT_B = new String(Character.toChars(0x2003E));
    /** 𪚥 U+2A6A5 (Ext B). */
    public static final String EXT_B_2 = new String(Character.toChars(0x2A6A5));
    /** 𫠠 U+2B820 (Ext E; HanaMin B is the first to have it). */
    public static final String EXT_E = new String(Character.toChars(0x2B820));
    /** 𰀀 U+30000 (Ext G; only BabelStone Han has it). */
    public static final String EXT_G = new String(Character.toChars(0x30000));
    /** 丽 U+2F800, a compatibility ideograph (the main font has it), kept as typed (not normalised to 丽 U+4E3D). */
    public static final String COMPATIBILITY = new String(Character.toChars(0x2F800));
    /** 𰁁 U+30041 (Ext G): a Han character no configured font has. */
    public static final String NO_FONT = new String(Character.toChars(0x30041));

    /** A name mixing the BMP and characters of every fallback font. */
    public static final String RARE_NAME = "王" + EXT_B + EXT_B_2 + EXT_E + EXT_G + COMPATIBILITY;

    private TestFonts() {}
}
