export interface HttpOptions {
  timeoutMs?: number;
  headers?: Record<string, string>;
}

export class HttpService {
  constructor(private readonly defaults: HttpOptions = {}) {}

  async get(url: string, opts: HttpOptions = {}): Promise<string> {
    const res = await fetch(url, {
      headers: { ...this.defaults.headers, ...opts.headers },
      signal: AbortSignal.timeout(opts.timeoutMs ?? this.defaults.timeoutMs ?? 10_000),
    });
    if (!res.ok) {
      throw new Error(`GET ${url} failed with ${res.status}`);
    }
    return res.text();
  }

  async getJson<T = unknown>(url: string, opts: HttpOptions = {}): Promise<T> {
    const body = await this.get(url, {
      ...opts,
      headers: { accept: 'application/json', ...opts.headers },
    });
    return JSON.parse(body) as T;
  }
}

export const http = new HttpService({
  headers: { 'user-agent': 'acme-agent/1.4' },
  timeoutMs: 8_000,
});
