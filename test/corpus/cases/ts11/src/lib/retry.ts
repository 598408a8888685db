export interface RetryOptions {
  attempts?: number;
  baseDelayMs?: number;
  retryIf?: (err: unknown) => boolean;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? 3;
  const base = opts.baseDelayMs ?? 250;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await fn();
    } catch (err) {
      lastError = err;
      if (attempt === attempts || (opts.retryIf && !opts.retryIf(err))) break;
      await sleep(base * 2 ** (attempt - 1) + Math.random() * base);
    }
  }
  throw lastError;
}
