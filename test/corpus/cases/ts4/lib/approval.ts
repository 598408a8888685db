// Human-in-the-loop approval: asks the operator on the terminal and returns their decision.
import readline from 'node:readline/promises';

export async function requestApproval(action: string, details: Record<string, unknown>): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`Approve ${action} ${JSON.stringify(details)}? [y/N] `);
    return answer.trim().toLowerCase() === 'y';
  } finally {
    rl.close();
  }
}
