// IDOR and list scope at 10× volume on PostgreSQL (skipped without TEST_DATABASE_URL) — the suite is in idor-scale.ts.
import { idorSuite } from "./idor-scale.ts";

idorSuite("postgres");
