package cn.hrss.zcrd.shared;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.Supplier;

/** Reading an uploaded file (an attachment, a seal image) before its content is checked. */
public final class Uploads {

    private Uploads() {}

    /**
     * The upload's bytes, but never more than one byte beyond {@code maxBytes} read: a larger one is refused with
     * {@code tooLarge}, one that cannot be read with {@code unreadable}. Closes {@code in}.
     */
    public static byte[] readAtMost(
            InputStream in,
            long maxBytes,
            Supplier<? extends RuntimeException> tooLarge,
            Supplier<? extends RuntimeException> unreadable) {
        try (in) {
            byte[] data = in.readNBytes((int) maxBytes + 1);
            if (data.length > maxBytes) {
                throw tooLarge.get();
            }
            return data;
        } catch (IOException e) {
            throw unreadable.get();
        }
    }

    /** Whether {@code data} begins with {@code prefix} (a file type's magic bytes). */
    public static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
