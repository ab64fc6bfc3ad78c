// kill -9 during concurrent writes on PostgreSQL (TEST_DATABASE_URL; skipped without it — see kill9.ts).
import { killDuringWrites } from "./kill9.ts";

killDuringWrites("postgres");
