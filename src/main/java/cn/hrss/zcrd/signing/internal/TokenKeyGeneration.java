package cn.hrss.zcrd.signing.internal;

import cn.hrss.zcrd.signing.SignatureToken;
import java.security.cert.X509Certificate;
import java.security.spec.AlgorithmParameterSpec;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A platform key generated in the shared token on first use, once across application nodes. Two nodes that miss the
 * key together would each generate one under the same label, which SunPKCS11 cannot map (it renames both entries
 * {@code label/issuer/serial}, after which neither node finds the key and each generates again). The generating node
 * holds the alias's row lock in {@code token_key_generation} (all nodes write through one database node); the other
 * waits for it, then finds the key, since the token reads its list again on a miss.
 */
@Component
class TokenKeyGeneration {

    private final SignatureToken token;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    TokenKeyGeneration(SignatureToken token, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.token = token;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** The chain of the key {@code alias}, generated and certified first if the token has no such key. */
    List<X509Certificate> chainGeneratingOnce(
            String alias, AlgorithmParameterSpec spec, SignatureToken.KeyCertifier certifier) {
        if (!token.containsKey(alias)) {
            transactions.executeWithoutResult(status -> {
                // an exclusive lock on the alias's row, whether this inserts it or finds it
                jdbc.update(
                        "INSERT INTO token_key_generation (alias) VALUES (?) ON DUPLICATE KEY UPDATE alias = alias",
                        alias);
                if (!token.containsKey(alias)) {
                    token.generateKey(alias, spec, certifier);
                }
            });
        }
        return token.certificateChain(alias);
    }
}
