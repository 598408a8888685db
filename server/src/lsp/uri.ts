// Document URIs ↔ file system paths. Non-file documents (untitled:, vscode-notebook-cell:) get a stable
// virtual path whose extension tells the engine which front-end to use.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { posix } from 'node:path';

const EXTENSION_OF_LANGUAGE: Record<string, string> = {
  python: '.py',
  typescript: '.ts',
  typescriptreact: '.tsx',
  javascript: '.js',
  javascriptreact: '.jsx',
};

export function isFileUri(uri: string): boolean {
  return uri.startsWith('file:');
}

export function uriToPath(uri: string, languageId?: string): string {
  if (isFileUri(uri)) {
    try {
      return fileURLToPath(uri);
    } catch {
      // A malformed file URI: fall through to a virtual path rather than failing the request.
    }
  }
  const scheme = /^([a-zA-Z][\w+.-]*):/.exec(uri)?.[1] ?? 'unknown';
  const rest = uri.slice(scheme.length + 1).replace(/[^\w.-]+/g, '_');
  const ext = languageId ? EXTENSION_OF_LANGUAGE[languageId] ?? '' : '';
  const name = ext && !rest.endsWith(ext) ? rest + ext : rest;
  return posix.join('/', `${scheme}:`, name);
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}
