// The authorization matrix again, over the synthetic claims of both fixture provinces at 10× national volume
// (issue 7 §3): the same rows, the same expected statuses, with thousands of in- and out-of-scope rows around them.
// On PGlite: in CI the 1× matrix runs on PostgreSQL (TEST_DATABASE_URL), so together they cover both engines.
process.env.BTNN_AUTHZ_SCALE = "10";
process.env.BTNN_AUTHZ_ENGINE = "pglite";
await import("./authz-matrix.test.ts");
