import { promises as fs } from 'node:fs';
import path from 'node:path';
import { WORKSPACE_ROOT } from '../config';

export class FileStorage {
  constructor(readonly root: string) {}

  async read(relativePath: string): Promise<string> {
    return fs.readFile(path.join(this.root, relativePath), 'utf8');
  }

  async list(dir = '.'): Promise<string[]> {
    return fs.readdir(path.join(this.root, dir));
  }
}

export const workspaceFiles = new FileStorage(WORKSPACE_ROOT);
