-- Per-key budgets that every application node shares (Bucket4j's MySQL proxy manager, see
-- shared.internal.RateLimitConfiguration): one row per limit and key (e.g. "login:203.0.113.7"), its bucket's state
-- serialized by Bucket4j, and when the row may go (epoch milliseconds; a bucket that has refilled completely).
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(255)    NOT NULL,
    state      VARBINARY(4096) NULL,
    expires_at BIGINT          NULL,
    PRIMARY KEY (id),
    KEY ix_rate_limit_bucket_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
