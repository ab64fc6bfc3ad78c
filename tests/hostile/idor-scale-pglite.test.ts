// IDOR and list scope at 10× volume on PGlite — the suite is in idor-scale.ts.
import { idorSuite } from "./idor-scale.ts";

idorSuite("pglite");
