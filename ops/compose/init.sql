-- Run once by the mariadb image on db1's first start (docker-compose.yml): HAProxy's health check logs in as this
-- account without a password and may do nothing else (ops/cluster creates the same account for loopback).
CREATE USER IF NOT EXISTS 'haproxy_check'@'%';
