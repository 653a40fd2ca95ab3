package cn.hrss.zcrd.declaration;

import static cn.hrss.zcrd.declaration.DeclarationBuilder.APPLICANT;
import static cn.hrss.zcrd.declaration.DeclarationBuilder.DECLARING_UNIT;
import static cn.hrss.zcrd.declaration.DeclarationBuilder.NOW;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Transfer-in confirmations for unit tests (no Spring): a 工程师 (工程, 中级, 机械工程) obtained by 评审 in 江苏 on
 * 2020-12-01, transferred here on 2025-03-01, changed by the {@code with…} methods, then {@link #draft()} or
 * {@link #complete()} (both scans uploaded).
 */
public final class TransferBuilder {

    public static final long TITLE = 103;
    public static final long SPECIALTY = 1001;

    private LocalDate obtainedOn = LocalDate.of(2020, 12, 1);
    private LocalDate transferDate = LocalDate.of(2025, 3, 1);

    private TransferBuilder() {}

    public static TransferBuilder aTransfer() {
        return new TransferBuilder();
    }

    public TransferBuilder obtainedOn(LocalDate date) {
        this.obtainedOn = date;
        return this;
    }

    public TransferBuilder transferredOn(LocalDate date) {
        this.transferDate = date;
        return this;
    }

    public TransferInfo info() {
        return new TransferInfo(
                "GONGCHENG",
                "ZHONGJI",
                TITLE,
                SPECIALTY,
                TitleObtainedBy.REVIEW,
                "江苏省人力资源和社会保障厅",
                "江苏省",
                "JS2020-001234",
                obtainedOn,
                "南京某机械有限公司",
                "江苏省",
                transferDate,
                DECLARING_UNIT);
    }

    public Declaration draft() {
        return Declaration.transferIn(APPLICANT, "张三", "370102199001011234", info(), 2025, NOW);
    }

    /** A draft with every module filled in: a work entry, the original certificate and a transfer order. */
    public Declaration complete() {
        Declaration d = draft();
        d.replaceWork(java.util.List.of(new WorkRecord(LocalDate.of(2015, 7, 1), null, "南京某机械有限公司", "工程师")), NOW);
        upload(d, AttachmentKind.ORIGINAL_CERTIFICATE);
        upload(d, AttachmentKind.TRANSFER_ORDER);
        DeclarationBuilder.photo(d);
        return d;
    }

    public static void upload(Declaration d, AttachmentKind kind) {
        d.addAttachment(kind, "scan.pdf", UUID.randomUUID() + ".pdf", "application/pdf", 1, "00", NOW);
    }
}
