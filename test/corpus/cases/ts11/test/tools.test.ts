import { execSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveInside } from "../src/lib/paths.js";
import { FileService } from "../src/services/fileService.js";
import { createFileTools } from "../src/tools/files.js";

const root = mkdtempSync(path.join(tmpdir(), "shop-agent-"));
execSync(`mkdir -p ${root}/workspace ${root}/logs ${root}/uploads`);
writeFileSync(path.join(root, "workspace", "notes.md"), "# hello\n");
const files = new FileService({
  workspaceRoot: path.join(root, "workspace"),
  logDir: path.join(root, "logs"),
  uploadDir: path.join(root, "uploads"),
});
const tools = createFileTools({ files });
const opts = { toolCallId: "t1", messages: [] };

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("file tools", () => {
  it("reads a workspace file", async () => {
    const out = await tools.read_workspace_file.execute!({ path: "notes.md", maxBytes: 100 }, opts);
    expect(out).toContain("hello");
  });

  it("rejects traversal", () => {
    expect(() => resolveInside(path.join(root, "workspace"), "../logs/x")).toThrow();
  });

  it("summarises a diff", async () => {
    const diff = "--- a/x.ts\n+++ b/x.ts\n+a\n+b\n-c\n";
    const out = await tools.summarize_diff.execute!({ diff }, opts);
    expect(out).toEqual([{ file: "x.ts", added: 2, removed: 1 }]);
  });

  it("evaluates fixtures", () => {
    const fixture = "[1, 2, 3].map((n) => n * 2)";
    expect(eval(fixture)).toEqual([2, 4, 6]);
  });
});
