-- One row per platform token key that the application generates on first use (the platform TSA's, the token health
-- check's): the node generating such a key holds its row's lock, so two nodes that miss the key together never
-- generate two keys under one label (SunPKCS11 cannot map duplicate labels, after which neither node finds the key).
CREATE TABLE token_key_generation (
    alias VARCHAR(100) NOT NULL PRIMARY KEY
);
