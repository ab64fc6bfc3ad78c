// Fuzz of every API body schema on PostgreSQL (skipped without TEST_DATABASE_URL) — the suite is in fuzz-bodies.ts.
import { fuzzSuite } from "./fuzz-bodies.ts";

fuzzSuite("postgres");
