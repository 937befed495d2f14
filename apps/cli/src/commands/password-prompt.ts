import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';

/** Asks for a password on the terminal without echoing it. */
async function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    const answer = rl.question(question);
    muted = true;
    return await answer;
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

/** Reads the first line of standard input (for --password-stdin). */
async function readStdinLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  try {
    for await (const line of rl) return line;
    return '';
  } finally {
    rl.close();
  }
}

/**
 * A new password: from standard input with --password-stdin (scripts), or
 * asked twice on the terminal. Never from an argument, which would land in
 * shell history and the process list.
 */
export async function newPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return readStdinLine();
  if (!process.stdin.isTTY) throw new Error('no terminal to ask for the password on: pipe it in with --password-stdin');
  const password = await askHidden('New password (at least 12 characters): ');
  if ((await askHidden('Same password again: ')) !== password) throw new Error('the two passwords were not the same; nothing was changed');
  return password;
}
