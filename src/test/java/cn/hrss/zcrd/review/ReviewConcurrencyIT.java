package cn.hrss.zcrd.review;

import static cn.hrss.zcrd.review.ReviewFixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.zcrd.declaration.DeclarationAction;
import cn.hrss.zcrd.declaration.DeclarationException;
import cn.hrss.zcrd.declaration.DeclarationState;
import cn.hrss.zcrd.declaration.ModuleKind;
import cn.hrss.zcrd.support.IntegrationTest;
import cn.hrss.zcrd.unit.Unit;
import cn.hrss.zcrd.unit.UnitRuleException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two reviewers acting on the same thing at the same moment: exactly one decision is taken, the other is told. */
@IntegrationTest
class ReviewConcurrencyIT extends ReviewServicesBase {

    static final Set<String> LOSING_MESSAGES = Set.of(
            "declaration.error.conflict",
            "declaration.error.transition.approve",
            "declaration.error.transition.return",
            "declaration.error.not-current-unit");

    ExecutorService threads;

    @BeforeEach
    void setUp() {
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    @Test
    void twoReviewersApprovingTheSameDeclarationAtOnceTakeExactlyOneDecision() throws Exception {
        Unit employer = fixtures.unit("并发测试用人单位");
        for (int round = 0; round < 4; round++) {
            long id = fixtures.submitted(fixtures.person("陈并发"), employer);

            List<Object> outcomes = race(
                    () -> decisions.approve(id, signedIn(employer), "甲审核员"),
                    () -> decisions.approve(id, signedIn(employer), "乙审核员"));

            assertExactlyOneWon(outcomes);
            var details = declarations.details(id, signedIn(employer));
            assertThat(details.state()).isEqualTo(DeclarationState.UNIT_APPROVED);
            assertThat(details.history())
                    .filteredOn(h -> h.action() == DeclarationAction.APPROVE)
                    .hasSize(1);
        }
    }

    @Test
    void anApprovalAndAReturnAtOnceTakeExactlyOneOfThem() throws Exception {
        Unit employer = fixtures.unit("并发退回测试用人单位");
        long id = fixtures.submitted(fixtures.person("褚并发"), employer);

        List<Object> outcomes = race(() -> decisions.approve(id, signedIn(employer), null), () -> {
            decisions.returnToApplicant(id, signedIn(employer), Map.of(ModuleKind.WORK, "需补充"), null);
            return "returned";
        });

        assertExactlyOneWon(outcomes);
        var history = declarations.details(id, signedIn(employer)).history();
        assertThat(history)
                .filteredOn(h -> h.action() == DeclarationAction.APPROVE || h.action() == DeclarationAction.RETURN)
                .hasSize(1);
    }

    @Test
    void twoDecisionsOnTheSameReportingPathAtOnceTakeExactlyOne() throws Exception {
        Unit employer = fixtures.unit("并发路径测试用人单位");
        Unit superior = fixtures.unit("并发路径测试上级单位");
        long path = paths.apply(
                signedIn(employer),
                new cn.hrss.zcrd.unit.PathApplication(
                        superior.getId(), "ZHULI", "GONGCHENG", cn.hrss.zcrd.unit.BusinessType.FULL_TIME_RECOGNITION));

        List<Object> outcomes = race(
                () -> {
                    paths.approve(path, signedIn(superior), null);
                    return "approved";
                },
                () -> {
                    paths.reject(path, signedIn(superior), "不同意");
                    return "rejected";
                });

        assertThat(outcomes).filteredOn(o -> !(o instanceof Throwable)).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> o instanceof Throwable)
                .singleElement()
                .isInstanceOfSatisfying(
                        UnitRuleException.class,
                        e -> assertThat(e.messageKey()).isIn("unit.path.error.decided", "unit.path.error.conflict"));
    }

    private static void assertExactlyOneWon(List<Object> outcomes) {
        assertThat(outcomes).filteredOn(o -> !(o instanceof Throwable)).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> o instanceof Throwable)
                .singleElement()
                .isInstanceOfSatisfying(
                        DeclarationException.class,
                        e -> assertThat(e.messageKey()).isIn(LOSING_MESSAGES));
    }

    /** Runs both at the same moment; each result is the value returned or the exception thrown. */
    private List<Object> race(Callable<?> first, Callable<?> second) throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (Callable<?> task : List.of(first, second)) {
            futures.add(threads.submit(() -> {
                ready.countDown();
                go.await();
                try {
                    return (Object) task.call();
                } catch (RuntimeException e) {
                    return e;
                }
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> f : futures) {
            outcomes.add(f.get(60, TimeUnit.SECONDS));
        }
        return outcomes;
    }
}
