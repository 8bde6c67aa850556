import type { Readable, Writable } from 'node:stream';

type TtyIn = Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

/**
 * Reads a secret from standard input, never from the command line (argv is visible to other
 * users in `ps` and lands in shell history). From a pipe: everything, minus one trailing line
 * break. From a terminal: one line typed without echo.
 */
export async function readSecret(stdin: TtyIn, prompt: string, stderr: Writable): Promise<string> {
  if (stdin.isTTY && stdin.setRawMode) return readHidden(stdin, prompt, stderr);
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function readHidden(stdin: TtyIn, prompt: string, stderr: Writable): Promise<string> {
  stderr.write(prompt);
  stdin.setRawMode?.(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error): void => {
      stdin.setRawMode?.(false);
      stdin.pause();
      stdin.off('data', onData);
      stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (text: string): void => {
      for (const char of text) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003') return finish(new Error('cancelled'));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.on('data', onData);
  });
}
