import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

let allowedDirectories: string[] = [];

export function expandHome(filepath: string): string {
  if (filepath === "~" || filepath.startsWith("~/")) {
    return path.join(os.homedir(), filepath.slice(1));
  }
  return filepath;
}

export function setAllowedDirectories(dirs: string[]): void {
  allowedDirectories = dirs.map((dir) => path.resolve(expandHome(dir)));
}

export function getAllowedDirectories(): string[] {
  return [...allowedDirectories];
}

function isWithinAllowed(absolutePath: string): boolean {
  const normalized = path.resolve(absolutePath);
  return allowedDirectories.some(
    (dir) => normalized === dir || normalized.startsWith(dir + path.sep),
  );
}

/**
 * Resolve a requested path and make sure it (and, for existing files, its real
 * path after following symlinks) lies inside one of the allowed directories.
 */
export async function validatePath(requestedPath: string): Promise<string> {
  const absolute = path.resolve(expandHome(requestedPath));
  if (!isWithinAllowed(absolute)) {
    throw new Error(
      `Access denied - path outside allowed directories: ${absolute} not in ${allowedDirectories.join(", ")}`,
    );
  }

  let realPath: string;
  try {
    realPath = await fs.realpath(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    // New file: check the parent directory instead.
    const realParent = await fs.realpath(path.dirname(absolute));
    if (!isWithinAllowed(realParent)) {
      throw new Error("Access denied - parent directory outside allowed directories");
    }
    return absolute;
  }

  if (!isWithinAllowed(realPath)) {
    throw new Error("Access denied - symlink target outside allowed directories");
  }
  return realPath;
}
