package cn.hrss.zcrd.declaration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.hrss.zcrd.shared.FieldProblem;
import cn.hrss.zcrd.shared.InvalidInputException;
import cn.hrss.zcrd.support.HostileFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The attachment check against the hostile-file corpus ({@link HostileFiles}): each file is refused with the
 * message naming its problem, within 0.7 s on a loaded two-core machine (typically 1–300 ms), on a small stack (a
 * recursion a hostile nesting could drive would overflow it).
 */
class HostileAttachmentsTest {

    static final long FIVE_MB = 5L * 1024 * 1024;
    static final long BUDGET_MILLIS = 700;
    final AttachmentInspector inspector = new AttachmentInspector(FIVE_MB, 60_000_000L);

    static Stream<HostileFiles.Sample> corpus() {
        List<HostileFiles.Sample> all = new ArrayList<>(HostileFiles.pdfs());
        all.addAll(HostileFiles.activePdfs());
        all.addAll(HostileFiles.pngs());
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachHostileFileIsRefusedQuicklyWithItsMessage(HostileFiles.Sample sample) throws Exception {
        // class loading and JIT of the first parse are not the file's doing
        inspector.inspect(AttachmentInspectorTest.pdf());
        inspector.inspect(AttachmentInspectorTest.image("png", 100, 100));
        inspector.inspect(AttachmentInspectorTest.image("jpg", 100, 100));
        Throwable[] thrown = new Throwable[1];
        long[] took = new long[1];
        // a thread with a 512 KB stack: smaller than a server thread's, so no depth limit rests on a large stack
        Thread worker = new Thread(
                null,
                () -> {
                    long start = System.nanoTime();
                    thrown[0] = catchThrowable(() -> inspector.inspect(sample.bytes()));
                    took[0] = (System.nanoTime() - start) / 1_000_000;
                },
                "inspect",
                512 * 1024);
        worker.start();
        worker.join(10_000);
        assertThat(worker.isAlive()).as("still inspecting after 10 s").isFalse();
        if (sample.attachmentKey().isEmpty()) {
            assertThat(thrown[0]).as(sample.name()).isNull();
        } else {
            assertThat(thrown[0])
                    .as(sample.name())
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.problems())
                                    .extracting(FieldProblem::messageKey)
                                    .containsExactly(sample.attachmentKey()));
        }
        assertThat(took[0]).as(sample.name() + " took ms").isLessThan(BUDGET_MILLIS);
    }
}
