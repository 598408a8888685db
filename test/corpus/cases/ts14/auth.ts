// Token verification for the HTTP MCP servers (not agent code).
import type { OAuthTokenVerifier } from "@modelcontextprotocol/sdk/server/auth/provider.js";
import type { AuthInfo } from "@modelcontextprotocol/sdk/server/auth/types.js";

const INTROSPECT_URL = process.env.OAUTH_INTROSPECT_URL ?? "https://auth.example.com/oauth/introspect";

export const verifier: OAuthTokenVerifier = {
  async verifyAccessToken(token: string): Promise<AuthInfo> {
    const res = await fetch(INTROSPECT_URL, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token }),
    });
    const data = (await res.json()) as { active: boolean; client_id: string; scope?: string; exp?: number; iss?: string };
    if (!data.active) throw new Error("inactive token");
    return {
      token,
      clientId: data.client_id,
      scopes: (data.scope ?? "").split(" ").filter(Boolean),
      expiresAt: data.exp,
      extra: { issuer: data.iss },
    };
  },
};
