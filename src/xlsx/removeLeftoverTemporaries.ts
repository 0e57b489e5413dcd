import { promises as fsp } from "node:fs";
import * as path from "node:path";
import { errnoCode } from "./fileErrors";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whether a process with this id is running (one we may not signal is running too). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === "EPERM";
  }
}

/**
 * Removes the temporary files `writeFileAtomic` leaves beside `target` when its run was killed
 * (`.<name>.<pid>.<8 hex>.tmp`), unless the process that made one still runs (it may be writing).
 * Returns the names removed; a folder that cannot be listed removes nothing.
 * @example await removeLeftoverTemporaries("out/plan.xlsx") → [".plan.xlsx.4242.0a1b2c3d.tmp"]
 */
export async function removeLeftoverTemporaries(target: string): Promise<string[]> {
  const folder = path.dirname(target);
  const pattern = new RegExp(
    `^\\.${escapeRegExp(path.basename(target))}\\.(\\d+)\\.[0-9a-f]{8}\\.tmp$`,
  );
  let names: string[];
  try {
    names = await fsp.readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (running(pid)) continue;
    try {
      const file = path.join(folder, name);
      if (!(await fsp.lstat(file)).isFile()) continue;
      await fsp.rm(file, { force: true });
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: the next write does not need it gone.
    }
  }
  return removed;
}
