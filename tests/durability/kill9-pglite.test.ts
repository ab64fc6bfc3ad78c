// kill -9 during concurrent writes on the embedded PGlite database (see kill9.ts).
import { killDuringWrites } from "./kill9.ts";

killDuringWrites("pglite");
