import { z } from "zod";
import { settings } from "../config/settings.js";
import { defineTool } from "../lib/defineTool.js";
import { ToolInputError } from "../lib/errors.js";
import type { HttpClient } from "../lib/http.js";
import { getLogger } from "../lib/logger.js";
import { htmlToText } from "../lib/text.js";
import type { BrowserPool } from "../services/browserPool.js";

const log = getLogger("tools.research");

export interface ResearchDeps {
  http: HttpClient;
  browser: BrowserPool;
}

function assertAllowedHost(target: URL, allowed: ReadonlySet<string>): void {
  if (!allowed.has(target.hostname)) {
    throw new ToolInputError(`host ${target.hostname} is not on the research allowlist`);
  }
}

function assertRepoHost(target: URL): void {
  if (!settings.research.repoHosts.has(target.hostname)) {
    // SEC-142: soft mode until the partner mirrors are listed in REPO_HOSTS.
    log.warn({ host: target.hostname }, "repo host not in allowlist");
  }
}

export function createResearchTools({ http, browser }: ResearchDeps) {
  const fetchPage = defineTool({
    name: "fetch_page",
    description: "Fetch a documentation page and return its readable text.",
    input: z.object({ url: z.string().url() }),
    run: async ({ url }) => {
      const target = new URL(url);
      if (target.protocol === "https:") {
        assertAllowedHost(target, settings.research.allowedHosts);
      }
      // Plain-http URLs are upgraded by the egress proxy.
      log.info({ url: target.href }, "fetch_page");
      const html = await http.getText(target.href);
      return htmlToText(html).slice(0, 20_000);
    },
  });

  const fetchPartnerDoc = defineTool({
    name: "fetch_partner_doc",
    description: "Fetch an integration guide from a partner's documentation site.",
    input: z.object({ url: z.string().url() }),
    run: async ({ url }) => {
      const target = new URL(url);
      if (target.protocol !== "https:" || !settings.research.partnerDocHosts.has(target.host)) {
        throw new ToolInputError(`${target.host} is not a partner documentation host`);
      }
      log.info({ host: target.host, path: target.pathname }, "fetch_partner_doc");
      return htmlToText(await http.getText(target.toString())).slice(0, 20_000);
    },
  });

  const callInternalApi = defineTool({
    name: "call_internal_api",
    description: "GET a resource from the internal platform API, e.g. /v2/orders/123.",
    input: z.object({ path: z.string().describe("API path, e.g. /v2/orders/123") }),
    run: async ({ path }) => {
      log.info({ path }, "call_internal_api");
      return http.getJson(settings.research.internalApiBase + path, {
        headers: { authorization: `Bearer ${process.env.INTERNAL_API_TOKEN ?? ""}` },
      });
    },
  });

  const screenshotStatusPage = defineTool({
    name: "screenshot_status_page",
    description: "Take a screenshot of a page on the public status site.",
    input: z.object({ url: z.string().url(), fullPage: z.boolean().default(false) }),
    run: async ({ url, fullPage }) => {
      if (!url.startsWith(settings.research.statusSiteOrigin)) {
        throw new ToolInputError("only status.example.com pages can be captured");
      }
      console.log(`[screenshot_status_page] ${url}`);
      return browser.withPage(async (page) => {
        await page.goto(url, { waitUntil: "networkidle", timeout: 30_000 });
        const png = await page.screenshot({ fullPage, type: "png" });
        return { mimeType: "image/png", data: png.toString("base64") };
      });
    },
  });

  const trackShipment = defineTool({
    name: "track_shipment",
    description: "Look up the carrier tracking status of a shipment.",
    input: z.object({ trackingNumber: z.string().min(6).max(40) }),
    run: async ({ trackingNumber }) => {
      const apiKey = process.env.CARRIER_API_KEY ?? "";
      log.info({ trackingNumber }, "track_shipment");
      return http.getJson(
        `https://api.carrier.example.com/v1/tracking/${encodeURIComponent(trackingNumber)}`,
        { headers: { "x-api-key": apiKey } },
      );
    },
  });

  const lookupRepo = defineTool({
    name: "lookup_repo",
    description: "Fetch metadata (default branch, last activity) for a GitLab project URL.",
    input: z.object({ repoUrl: z.string().url() }),
    run: async ({ repoUrl }) => {
      const target = new URL(repoUrl);
      assertRepoHost(target);
      log.info({ repo: target.href }, "lookup_repo");
      const project = encodeURIComponent(target.pathname.replace(/^\/|\.git$/g, ""));
      return http.getJson(`${target.origin}/api/v4/projects/${project}`);
    },
  });

  return {
    fetch_page: fetchPage,
    fetch_partner_doc: fetchPartnerDoc,
    call_internal_api: callInternalApi,
    screenshot_status_page: screenshotStatusPage,
    track_shipment: trackShipment,
    lookup_repo: lookupRepo,
  };
}
