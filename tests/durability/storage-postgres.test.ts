// Findings 3, 4 and 9 of issue 13 on PostgreSQL (TEST_DATABASE_URL; see storage.ts).
import { storageSuite } from "./storage.ts";

storageSuite("postgres");
