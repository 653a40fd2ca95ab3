package cn.hrss.zcrd.declaration.internal;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads the snapshot taken at 确定申报 ({@link SubmittedForm} as JSON in {@code declaration_snapshot}).
 * Its own mapper, not the web's: what is stored must not change shape with the web layer's JSON settings. Unknown
 * and missing properties are tolerated, so a snapshot written before a field was added still reads.
 */
@Component
public class SubmissionSnapshots {

    /** the shape of the JSON: {@link SubmittedForm} */
    static final int FORMAT = 1;

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final DeclarationSnapshotRepository snapshots;

    SubmissionSnapshots(DeclarationSnapshotRepository snapshots) {
        this.snapshots = snapshots;
    }

    /** Stores the declaration as just submitted (in the caller's transaction). */
    public void take(long declarationId, SubmittedForm form, Instant now) {
        snapshots.save(new DeclarationSnapshot(declarationId, now, FORMAT, JSON.writeValueAsString(form)));
    }

    /** The declaration as submitted the last time; empty for one submitted before snapshots were taken. */
    public Optional<SubmittedForm> latest(long declarationId) {
        return snapshots
                .findFirstByDeclarationIdOrderByIdDesc(declarationId)
                .map(s -> JSON.readValue(s.content(), SubmittedForm.class));
    }
}
