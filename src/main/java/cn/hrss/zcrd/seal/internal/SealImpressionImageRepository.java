package cn.hrss.zcrd.seal.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SealImpressionImageRepository extends JpaRepository<SealImpressionImage, Long> {}
