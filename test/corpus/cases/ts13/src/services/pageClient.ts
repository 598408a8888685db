import axios, { type AxiosInstance } from "axios";

export interface FetchPageInput {
  url: string;
  headers?: Record<string, string>;
  options?: { maxChars?: number; timeoutMs?: number };
}

export interface SearchDocsInput {
  query: string;
  section?: string;
}

/** HTTP client for documentation sites. Holds one axios instance per base URL. */
export class PageClient {
  #http: AxiosInstance;
  #maxChars: number;

  constructor(baseURL: string, maxChars = 20_000) {
    this.#http = axios.create({ baseURL, timeout: 15_000, headers: { "User-Agent": "ops-agent/1.2" } });
    this.#maxChars = maxChars;
  }

  async fetchPage(input: FetchPageInput): Promise<string> {
    const res = await this.#http.get<string>(input.url, {
      headers: input?.headers,
      timeout: input.options?.timeoutMs,
      responseType: "text",
    });
    return this.#trim(res.data, input.options?.maxChars);
  }

  async searchDocs(input: SearchDocsInput): Promise<unknown> {
    const res = await this.#http.get("/v2/search", {
      params: { q: input.query, section: input.section ?? "all" },
    });
    return res.data;
  }

  /** Used by scripts/backfill.ts to pre-warm the CDN; not reachable from a tool. */
  async warm(paths: string[]): Promise<number> {
    const results = await Promise.allSettled(paths.map((p) => this.#http.get(p)));
    return results.filter((r) => r.status === "fulfilled").length;
  }

  #trim(text: string, max?: number): string {
    return text.slice(0, max ?? this.#maxChars);
  }
}
