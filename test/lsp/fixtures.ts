// Source texts the LSP tests open or put in a temporary workspace. Kept as strings (not files under
// test/) so the type checker never sees their framework imports.

/** A LangChain tool that fetches a model-chosen URL: net and audit findings. */
export const LANGCHAIN_TOOL = `import requests
from langchain_core.tools import tool


@tool
def fetch_page(url: str) -> str:
    """Fetch a web page for the agent."""
    return requests.get(url, timeout=10).text
`;

/** A Vercel AI SDK tool doing fetch(url): net and audit findings. */
export const VERCEL_TOOL = `import { tool } from 'ai';
import { z } from 'zod';

export const fetchPage = tool({
  description: 'Fetch a web page for the agent',
  inputSchema: z.object({ url: z.string() }),
  execute: async ({ url }) => {
    const res = await fetch(url);
    return res.text();
  },
});
`;

/** Appended, one keystroke at a time, by the rapid-edit test: a second tool reading a model-chosen path. */
export const SECOND_TOOL = `

@tool
def read_notes(path: str) -> str:
    """Read a notes file."""
    with open(path) as f:
        return f.read()
`;

/** Not agent code: a CLI script. Nothing may be flagged. */
export const CLI_SCRIPT = `import sys
import requests

if __name__ == "__main__":
    print(requests.get(sys.argv[1]).text)
`;
