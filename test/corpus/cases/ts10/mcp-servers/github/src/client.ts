const GITHUB_API_BASE = "https://api.github.com/";
const USER_AGENT = "acme-github-mcp/1.4";

export class GitHubError extends Error {
  constructor(
    public readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class GitHubClient {
  constructor(private readonly token = process.env.GITHUB_PERSONAL_ACCESS_TOKEN) {}

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return {
      accept: "application/vnd.github+json",
      "user-agent": USER_AGENT,
      "x-github-api-version": "2022-11-28",
      ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      ...extra,
    };
  }

  async request<T = unknown>(endpoint: string, init: RequestInit = {}): Promise<T> {
    const url = GITHUB_API_BASE + endpoint.replace(/^\/+/, "");
    const res = await fetch(url, { ...init, headers: this.headers(init.headers as Record<string, string>) });
    if (!res.ok) {
      throw new GitHubError(res.status, `GitHub API ${res.status}: ${await res.text()}`);
    }
    return (res.status === 204 ? undefined : await res.json()) as T;
  }
}
