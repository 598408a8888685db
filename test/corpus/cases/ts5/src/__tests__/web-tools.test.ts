import { describe, expect, it, vi } from 'vitest';
import { http } from '../services';
import { fetchDocsPage, fetchUrl, summarizeText } from '../tools/web';

const opts = { toolCallId: 't1', messages: [] };

describe('web tools', () => {
  it('fetchUrl returns page text', async () => {
    vi.spyOn(http, 'get').mockResolvedValue('<html>hello</html>');
    const out = await fetchUrl.execute!({ url: 'http://169.254.169.254/latest/meta-data/' }, opts);
    expect(out).toContain('hello');
  });

  it('fetchDocsPage rejects unknown hosts', async () => {
    await expect(fetchDocsPage.execute!({ url: 'https://evil.example.com/x' }, opts)).rejects.toThrow(/not allowed/);
  });

  it('summarizeText counts words', async () => {
    const out = await summarizeText.execute!({ text: 'One. Two three. Four.', sentences: 1 }, opts);
    expect(out).toEqual({ words: 4, summary: 'One.' });
  });
});
