// Open documents, kept in sync incrementally. Besides the text, each document keeps the content changes
// received since its last analysis, so that an engine able to re-parse incrementally can be given them.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  DidChangeTextDocumentParams,
  DidOpenTextDocumentParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver';
import { uriToPath } from './uri';

export interface OpenDocument {
  readonly uri: string;
  readonly path: string;
  readonly languageId: string;
  doc: TextDocument;
  /** Changes applied since the last call to takeEdits(), in order. */
  edits: TextDocumentContentChangeEvent[];
}

export class DocumentStore {
  private readonly byUri = new Map<string, OpenDocument>();
  private readonly uriByPath = new Map<string, string>();

  open(params: DidOpenTextDocumentParams): OpenDocument {
    const { uri, languageId, version, text } = params.textDocument;
    const entry: OpenDocument = {
      uri,
      path: uriToPath(uri, languageId),
      languageId,
      doc: TextDocument.create(uri, languageId, version, text),
      edits: [],
    };
    this.byUri.set(uri, entry);
    this.uriByPath.set(entry.path, uri);
    return entry;
  }

  /** Applies a change; returns undefined for a document that is not open (the notification is ignored). */
  change(params: DidChangeTextDocumentParams): OpenDocument | undefined {
    const entry = this.byUri.get(params.textDocument.uri);
    if (!entry) return undefined;
    const version = params.textDocument.version ?? entry.doc.version + 1;
    entry.doc = TextDocument.update(entry.doc, params.contentChanges, version);
    entry.edits.push(...params.contentChanges);
    return entry;
  }

  close(uri: string): OpenDocument | undefined {
    const entry = this.byUri.get(uri);
    if (!entry) return undefined;
    this.byUri.delete(uri);
    if (this.uriByPath.get(entry.path) === uri) this.uriByPath.delete(entry.path);
    return entry;
  }

  get(uri: string): OpenDocument | undefined {
    return this.byUri.get(uri);
  }

  byPath(path: string): OpenDocument | undefined {
    const uri = this.uriByPath.get(path);
    return uri === undefined ? undefined : this.byUri.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.byUri.values()];
  }

  /** Hands over (and forgets) the edits since the previous call. */
  takeEdits(entry: OpenDocument): TextDocumentContentChangeEvent[] {
    const edits = entry.edits;
    entry.edits = [];
    return edits;
  }
}
