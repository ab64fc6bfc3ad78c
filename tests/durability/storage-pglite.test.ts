// Findings 3, 4 and 9 of issue 13 on the embedded PGlite database (see storage.ts).
import { storageSuite } from "./storage.ts";

storageSuite("pglite");
