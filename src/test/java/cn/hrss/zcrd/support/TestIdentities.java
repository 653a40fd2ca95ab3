package cn.hrss.zcrd.support;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh, valid and (within a test run) unique identity numbers and credit codes for fixtures. */
public final class TestIdentities {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CODE_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final AtomicInteger SEQUENCE =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000));

    private TestIdentities() {}

    /** Eight random hex digits: keeps the usernames a test makes apart from those of earlier runs and tests. */
    public static String shortId() {
        return java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid 18-digit ID number of someone born in the 1990s in 济南市历下区 (370102). */
    public static String idNumber() {
        int n = SEQUENCE.incrementAndGet();
        // injective for n below 3,360,000: sequence, day, month and year are the digits of n in mixed radix
        int day = 1 + (n / 1000) % 28;
        int month = 1 + (n / 28_000) % 12;
        int year = 1990 + (n / 336_000) % 10;
        return idNumber("370102" + year + String.format("%02d%02d", month, day) + String.format("%03d", n % 1000));
    }

    /** {@code body} (the first 17 digits: region, birth date, sequence) with its check character. */
    public static String idNumber(String body) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** A valid unified social credit code of an enterprise registered in 济南 (91370100…). */
    public static String creditCode() {
        int n = SEQUENCE.incrementAndGet();
        String body = "91370100" + String.format("%09d", n * 7919L % 1_000_000_000L);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CODE_CHARS.indexOf(body.charAt(i)) * CODE_WEIGHTS[i];
        }
        return body + CODE_CHARS.charAt((31 - sum % 31) % 31);
    }
}
