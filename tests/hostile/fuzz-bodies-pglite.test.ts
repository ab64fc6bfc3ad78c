// Fuzz of every API body schema on PGlite — the suite is in fuzz-bodies.ts.
import { fuzzSuite } from "./fuzz-bodies.ts";

fuzzSuite("pglite");
