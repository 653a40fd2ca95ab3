package cn.hrss.zcrd.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.hrss.zcrd.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An edit of the reference data made on another application node reaches this node's catalog within seconds. The
 * other node is the shared database itself: its editor commits the changed row and the raised
 * {@code reference_data_version} in one transaction, which is what this test writes.
 */
@IntegrationTest
class CatalogAcrossNodesIT {

    private static final Duration WITHIN = Duration.ofSeconds(15);

    @Autowired
    TitleCatalog catalog;

    @Autowired
    ReferenceDataEditor editor;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aRenameCommittedByAnotherNodeIsOfferedHereWithinSeconds() {
        Specialty specialty = catalog.allSpecialties("GONGCHENG").stream()
                .filter(Specialty::enabled)
                .findFirst()
                .orElseThrow();
        String renamed = specialty.name() + "（跨节点）";
        try {
            renameAsAnotherNode(specialty.id(), renamed);

            await("the other node's rename offered here")
                    .atMost(WITHIN)
                    .untilAsserted(() -> assertThat(nameOf(specialty)).isEqualTo(renamed));
        } finally {
            renameAsAnotherNode(specialty.id(), specialty.name());
            await().atMost(WITHIN).until(() -> nameOf(specialty).equals(specialty.name()));
        }
    }

    @Test
    void everyEditRaisesTheSharedVersionInItsOwnTransaction() {
        Specialty specialty = catalog.allSpecialties("GONGCHENG").stream()
                .filter(Specialty::enabled)
                .findFirst()
                .orElseThrow();
        long before = version();

        editor.rename(ReferenceDataKind.SPECIALTY, specialty.id(), specialty.name() + "甲");
        editor.rename(ReferenceDataKind.SPECIALTY, specialty.id(), specialty.name());

        assertThat(version()).isEqualTo(before + 2);
        assertThat(nameOf(specialty)).isEqualTo(specialty.name());
    }

    private void renameAsAnotherNode(long specialtyId, String name) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("UPDATE specialty SET name = ? WHERE id = ?", name, specialtyId);
            jdbc.update("UPDATE reference_data_version SET version = version + 1 WHERE id = 1");
        });
    }

    private String nameOf(Specialty specialty) {
        return catalog.findSpecialty(specialty.id()).orElseThrow().name();
    }

    private long version() {
        return jdbc.queryForObject("SELECT version FROM reference_data_version WHERE id = 1", Long.class);
    }
}
