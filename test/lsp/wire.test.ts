// Garbage on the wire, in a server process of its own: raw bytes instead of a JSON-RPC client.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { SERVER, ensureBuilt } from './harness';

/** Splits the server's stdout into JSON-RPC messages. */
class RawClient {
  readonly proc: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  readonly received: Array<{ id?: unknown; result?: unknown; error?: { code: number; message: string } }> = [];
  private waiters: Array<() => void> = [];

  constructor() {
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    this.proc.stdout.on('data', (d: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, d]);
      for (;;) {
        const headerEnd = this.buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) break;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
        if (this.buffer.length < headerEnd + 4 + length) break;
        this.received.push(JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString()));
        this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      }
      for (const w of this.waiters.splice(0)) w();
    });
  }

  write(raw: string): void {
    this.proc.stdin.write(raw);
  }

  send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
    this.proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
  }

  async next(): Promise<(typeof this.received)[number]> {
    while (this.received.length === 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.received.shift()!;
  }
}

describe('language server: garbage on the wire', function () {
  let c: RawClient;
  before(ensureBuilt);
  afterEach(function () {
    c.proc.kill();
  });

  it('answers unparsable JSON and a header without Content-Length with Parse errors, then serves', async function () {
    c = new RawClient();
    c.write('Content-Length: 12\r\n\r\n{not json!!}');
    assert.deepEqual((await c.next()).error?.code, -32700);
    c.write('X-Not-A-Length: 1\r\n\r\n');
    const second = await c.next();
    assert.equal(second.id, null);
    assert.equal(second.error?.code, -32700);
    c.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    const init = await c.next();
    assert.equal(init.id, 1);
    assert.ok((init.result as { capabilities?: object }).capabilities, 'initialize answered after the garbage');
    c.send({ id: 2, method: 'textDocument/codeLens', params: { textDocument: { uri: 'file:///never-opened.py' } } });
    assert.deepEqual(await c.next(), { jsonrpc: '2.0', id: 2, result: [] });
    assert.equal(c.proc.exitCode, null);
  });
});
