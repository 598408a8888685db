import { HttpError } from "./errors.js";
import { getLogger } from "./logger.js";
import { sleep } from "./retry.js";

const log = getLogger("lib.http");
const RETRYABLE = new Set([429, 502, 503, 504]);

export interface HttpClientOptions {
  timeoutMs: number;
  retries: number;
  userAgent: string;
}

/** fetch() with timeouts and bounded, jittered retries. Redirects are not followed. */
export class HttpClient {
  constructor(private readonly opts: HttpClientOptions) {}

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.opts.retries; attempt++) {
      try {
        const res = await fetch(url, {
          ...init,
          redirect: "manual",
          signal: AbortSignal.timeout(this.opts.timeoutMs),
          headers: { "user-agent": this.opts.userAgent, ...(init.headers as Record<string, string>) },
        });
        if (RETRYABLE.has(res.status) && attempt < this.opts.retries) {
          log.warn({ url, status: res.status, attempt }, "retrying");
        } else if (!res.ok) {
          throw new HttpError(res.status, url);
        } else {
          return res;
        }
      } catch (err) {
        if (err instanceof HttpError) throw err;
        lastError = err;
        log.warn({ url, attempt, err }, "request failed");
      }
      await sleep(300 * 2 ** (attempt - 1));
    }
    throw lastError ?? new Error(`request to ${url} failed`);
  }

  async getText(url: string, init?: RequestInit): Promise<string> {
    return (await this.request(url, init)).text();
  }

  async getJson<T = unknown>(url: string, init?: RequestInit): Promise<T> {
    return (await this.request(url, init)).json() as Promise<T>;
  }

  async postJson<T = unknown>(url: string, body: unknown, init: RequestInit = {}): Promise<T> {
    const res = await this.request(url, {
      ...init,
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", ...(init.headers as Record<string, string>) },
    });
    return res.json() as Promise<T>;
  }
}
