-- One counter that every reference-data edit raises in its own transaction: each application node polls it and
-- reloads its in-memory catalog when it moves, so an edit made on one node is offered by all within seconds.
CREATE TABLE reference_data_version (
    id      INT    NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO reference_data_version (id, version) VALUES (1, 0);
