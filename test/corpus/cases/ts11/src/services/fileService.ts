import { promises as fs } from "node:fs";
import path from "node:path";
import { resolveInside } from "../lib/paths.js";

export interface FileSettings {
  workspaceRoot: string;
  logDir: string;
  uploadDir: string;
}

/** File access for tools, the nightly cleanup job and the admin CLI. */
export class FileService {
  constructor(private readonly cfg: FileSettings) {}

  async readWorkspaceFile(relPath: string, maxBytes: number): Promise<string> {
    const full = resolveInside(this.cfg.workspaceRoot, relPath);
    const handle = await fs.open(full, "r");
    try {
      const buf = Buffer.alloc(maxBytes);
      const { bytesRead } = await handle.read(buf, 0, maxBytes, 0);
      return buf.subarray(0, bytesRead).toString("utf8");
    } finally {
      await handle.close();
    }
  }

  async tailLog(name: string, lines: number): Promise<string> {
    const full = path.join(this.cfg.logDir, name);
    const text = await fs.readFile(full, "utf8");
    return text.split("\n").slice(-lines).join("\n");
  }

  async saveUpload(filename: string, data: Buffer): Promise<string> {
    const dest = path.join(this.cfg.uploadDir, path.basename(filename));
    await fs.writeFile(dest, data, { flag: "wx" });
    return dest;
  }

  async removeOlderThan(dir: string, maxAgeMs: number): Promise<string[]> {
    const removed: string[] = [];
    const cutoff = Date.now() - maxAgeMs;
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const stat = await fs.stat(full);
      if (stat.mtimeMs < cutoff) {
        await fs.rm(full, { recursive: true, force: true });
        removed.push(full);
      }
    }
    return removed;
  }
}
