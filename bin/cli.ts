// The `seen` command line: one sub-command per file in bin/commands, dispatched by name.
import { COMMANDS } from './commands/registry';

/** A sub-command: gets its own arguments and streams, returns the exit code. */
export interface Command {
  summary: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Where a command reads and writes, so tests can pass strings instead of the process's streams. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<Buffer>;
}

/** The process's own streams. */
export const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(Buffer.from(c as Buffer));
    return Buffer.concat(chunks);
  },
};


/** Runs `seen <command> …` and returns the exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const lines = await Promise.all(Object.entries(COMMANDS).map(async ([n, load]) => `  ${n.padEnd(10)} ${(await load()).summary}`));
    io.stdout(`usage: seen <command> [options]\n\ncommands:\n${lines.join('\n')}\n`);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`seen: unknown command "${name}". Try "seen help".\n`);
    return 2;
  }
  return (await load()).run(rest, io);
}
