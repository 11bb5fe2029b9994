import { createInterface } from "node:readline";

/**
 * The CLI's password questions. On a terminal nothing typed is shown (a password on the command line
 * is echoed by npm and kept in the shell history); from a pipe, each answer is one line.
 */
export function passwordPrompt(
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
): { ask(question: string): Promise<string>; close(): void } {
  if (input.isTTY) return { ask: (question) => askHidden(question, input, output), close: () => {} };
  const lines = createInterface({ input, terminal: false })[Symbol.asyncIterator]();
  return {
    async ask(question) {
      output.write(question);
      const next = await lines.next();
      output.write("\n");
      return next.done ? "" : next.value;
    },
    close: () => void lines.return?.(),
  };
}

function askHidden(question: string, input: NodeJS.ReadStream, output: NodeJS.WriteStream): Promise<string> {
  // No echo from before the question shows, so nothing typed early is printed.
  input.setRawMode(true);
  input.setEncoding("utf8");
  input.resume();
  output.write(question);
  return new Promise((resolve) => {
    let typed = "";
    const done = () => {
      input.off("data", onData);
      input.setRawMode(false);
      input.pause();
      output.write("\n");
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") {
          done();
          resolve(typed);
          return;
        }
        if (ch === "\u0003") {
          done();
          process.exit(130);
        }
        if (ch === "\u007f" || ch === "\b") typed = Array.from(typed).slice(0, -1).join("");
        else if (ch >= " ") typed += ch;
      }
    };
    input.on("data", onData);
  });
}
