package cn.hrss.zcrd.support;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the cluster tests that seed over JDBC share: the topology of {@code ops/cluster} ({@link Cluster#up()}) once
 * per class, its {@link ClusterRows} and their database. A subclass carries {@code @Tag("cluster")}.
 */
public abstract class ClusterTopologyBase {

    protected static Cluster cluster;
    protected static ClusterRows rows;
    protected static JdbcTemplate jdbc;

    @BeforeAll
    static void topology() {
        cluster = Cluster.up();
        rows = new ClusterRows(cluster);
        jdbc = rows.jdbc;
    }
}
