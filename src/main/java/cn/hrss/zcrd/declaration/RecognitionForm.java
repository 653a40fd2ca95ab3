package cn.hrss.zcrd.declaration;

/**
 * The recognition form (职称认定表) of a declaration as a PDF.
 *
 * @param fileName a generated ASCII name, e.g. {@code recognition-form-42.pdf}
 */
public record RecognitionForm(String fileName, byte[] pdf) {}
