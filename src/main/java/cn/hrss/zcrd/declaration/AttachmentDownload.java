package cn.hrss.zcrd.declaration;

/**
 * The bytes of an attachment for someone allowed to read them.
 *
 * @param fileName the generated stored name (safe in a Content-Disposition header)
 */
public record AttachmentDownload(String fileName, String contentType, byte[] content, String sha256) {}
