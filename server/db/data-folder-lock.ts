import { link, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";

/**
 * PGlite keeps the whole database in one process's memory and writes it to the folder: a second process
 * on the same folder works on its own copy, and what it saves is lost or corrupts the first one's. So a
 * folder is held by one process at a time, through a lock file naming that process.
 */

export class DataFolderInUse extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `データフォルダ ${dataDir} は別のプロセス (PID ${pid}) が使っています。そのプロセス (npm start など) を止めてから実行するか、JUCHU_DATA_DIR で別のフォルダを指定してください。`,
    );
  }
}

const LOCK_FILE = "juchu.lock";
/** Folders this process holds: a second open in the same process is refused as well. */
const held = new Set<string>();

export async function lockDataFolder(dataDir: string): Promise<{ release(): Promise<void> }> {
  const folder = resolve(dataDir);
  const path = join(folder, LOCK_FILE);
  if (held.has(folder)) throw new DataFolderInUse(dataDir, process.pid);
  held.add(folder);
  // Written aside and linked into place: the lock file appears whole, never empty for a moment.
  const mine = `${path}.${process.pid}`;
  try {
    await writeFile(mine, `${process.pid}\n`);
    await takeLock(dataDir, mine, path);
  } catch (error) {
    held.delete(folder);
    throw error;
  } finally {
    await rm(mine, { force: true });
  }
  return {
    async release() {
      held.delete(folder);
      await rm(path, { force: true });
    },
  };
}

async function takeLock(dataDir: string, mine: string, path: string): Promise<void> {
  for (;;) {
    try {
      await link(mine, path);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = Number.parseInt(await readFile(path, "utf8").catch(() => ""), 10);
    if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) throw new DataFolderInUse(dataDir, owner);
    // Left by a process that died without closing (killed, crashed): nobody holds the folder.
    await rm(path, { force: true });
  }
}

/**
 * Our own PID in the file is a lock left by an earlier life of this process id (a container restarts
 * as PID 1 every time); the set above already refused a live open in this process.
 */
function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
