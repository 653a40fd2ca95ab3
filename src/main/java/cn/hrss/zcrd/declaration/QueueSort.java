package cn.hrss.zcrd.declaration;

/** Columns a review queue may be sorted by (in the database). */
public enum QueueSort {
    SUBMITTED_AT("d.submittedAt"),
    APPLICANT_NAME("d.applicantName"),
    ID_NUMBER("d.applicantIdNumber"),
    STATE("d.state"),
    DECLARATION_YEAR("d.declarationYear");

    private final String path;

    QueueSort(String path) {
        this.path = path;
    }

    String path() {
        return path;
    }
}
