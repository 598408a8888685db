import { chromium, type Browser, type Page } from "playwright";

/** One shared headless Chromium; pages are created per call and always closed. */
export class BrowserPool {
  private browser?: Promise<Browser>;

  private get(): Promise<Browser> {
    this.browser ??= chromium.launch({ headless: true, args: ["--disable-dev-shm-usage"] });
    return this.browser;
  }

  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    const browser = await this.get();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      return await fn(page);
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    if (this.browser) await (await this.browser).close();
  }
}
