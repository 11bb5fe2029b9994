import { PGlite } from "@electric-sql/pglite";

/**
 * Run as a child process by openDatabase on a new data folder: PGlite's initdb takes two more
 * WebAssembly instances (128–190 MB each) besides the one that serves, and the compiled code of its
 * busiest start-up. In the server's process they stayed resident until a major GC, which came only
 * minutes into the first import (RSS 663–880 MB right after opening a new folder, measured with
 * scripts/pglite-memory.ts); a process gives all of it back when it ends.
 */
const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: pglite-initdb.ts <data folder>");
const client = await PGlite.create({ dataDir });
await client.close();
