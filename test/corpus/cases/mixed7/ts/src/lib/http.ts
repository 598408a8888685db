export interface FetchJsonOptions {
  url: string;
  method?: string;
}

export async function fetchJson({ url, method = 'GET' }: FetchJsonOptions): Promise<unknown> {
  const res = await fetch(url, { method, headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}
