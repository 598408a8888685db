import { exec, execFile } from "node:child_process";
import { promisify } from "node:util";
import { config } from "../config";

const execAsync = promisify(exec);
const execFileAsync = promisify(execFile);

export async function runShell(command: string, cwd: string = config.repoDir) {
  const { stdout, stderr } = await execAsync(command, { cwd, timeout: 120_000, maxBuffer: 10 * 1024 * 1024 });
  return { stdout, stderr };
}

export async function runGit(args: string[]): Promise<string> {
  const { stdout } = await execFileAsync("git", args, { cwd: config.repoDir, maxBuffer: 10 * 1024 * 1024 });
  return stdout;
}
