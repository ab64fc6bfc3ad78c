// Backup under concurrent writes on the embedded PGlite database (see backup-under-load.ts).
import { backupUnderLoad } from "./backup-under-load.ts";

backupUnderLoad("pglite");
