// Backup under concurrent writes on PostgreSQL, including `btnn backup` as a separate process (TEST_DATABASE_URL;
// skipped without it — see backup-under-load.ts).
import { backupUnderLoad } from "./backup-under-load.ts";

backupUnderLoad("postgres");
