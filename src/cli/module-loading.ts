// Start-up cost of loading the server's ~1 000 modules (issue 16), set up before anything else is imported.
// 1. Node's module compile cache: the type-stripped TypeScript and V8's compiled code of every module are kept on
//    disk and reused while the file is unchanged (about a fifth of the CPU time of a start). Kept in the project's
//    node_modules/.cache (NODE_COMPILE_CACHE overrides it, NODE_DISABLE_COMPILE_CACHE=1 turns it off); a failure to
//    write it is silent and only costs speed.
// 2. Node 24's ES module resolver: for every module it resolves, it reads the nearest
// package.json again to learn the module's format, and drizzle-orm's is 179 KB (447 export entries). Loading the ~300
// drizzle modules the server uses took ~1.5 s of CPU and left ~90 MB of garbage on Node 24.21 (Node 20: 0.1 s,
// 6 MB). Two shortcuts:
//  - a relative import inside drizzle-orm's ES build ("../entity.js") is a full file name next to its importer and
//    an ES module (the package's "type" is "module"), so it is resolved by URL arithmetic alone;
//  - a bare specifier ("drizzle-orm", "fastify") imported from the project's own files resolves to the same file from
//    every one of them (one node_modules), so it is resolved once per specifier and import kind.
// Everything else goes to Node's resolver unchanged.
import { enableCompileCache, registerHooks } from "node:module";
import { fileURLToPath } from "node:url";

const PROJECT = new URL("../../", import.meta.url).href;
enableCompileCache(
  process.env.NODE_COMPILE_CACHE || fileURLToPath(new URL("node_modules/.cache/node-compile-cache", PROJECT)),
);
const DRIZZLE_ESM = "/node_modules/drizzle-orm/";
const bare = new Map<string, { url: string; format?: string | null }>();

const isRelative = (s: string) => s.startsWith("./") || s.startsWith("../");
const isBare = (s: string) =>
  !isRelative(s) && !s.startsWith("/") && !s.startsWith("#") && !/^[a-z][a-z0-9+.-]*:/i.test(s);

registerHooks({
  resolve(specifier, context, nextResolve) {
    const parent = context.parentURL;
    if (!parent?.startsWith("file:")) return nextResolve(specifier, context);
    if (isRelative(specifier) && specifier.endsWith(".js") && parent.includes(DRIZZLE_ESM) && parent.endsWith(".js"))
      return { url: new URL(specifier, parent).href, format: "module", shortCircuit: true };
    if (!isBare(specifier) || !parent.startsWith(PROJECT) || parent.includes("/node_modules/"))
      return nextResolve(specifier, context);
    const key = `${specifier}\0${context.conditions.join(",")}\0${JSON.stringify(context.importAttributes ?? {})}`;
    const known = bare.get(key);
    if (known) return { ...known, shortCircuit: true };
    const resolved = nextResolve(specifier, context);
    bare.set(key, { url: resolved.url, format: resolved.format });
    return resolved;
  },
});
