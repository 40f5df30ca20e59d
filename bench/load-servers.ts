// Seen and the echo floor as child processes on random ports, with their peak resident memory read from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from '../bot/runtime';
import { freePort } from './free-port';

const ROOT = join(__dirname, '..');

/** Which server a run measures: Seen itself, the echo bot on the same stack, or that echo bot with a dialog and saved state. */
export type System = 'seen' | 'floor' | 'dialog-floor';

/** The entry point (and arguments) of each system, run with `node --require tsx/cjs` exactly as `npm start` runs Seen. */
const ENTRY: Record<System, string[]> = {
  seen: [join(ROOT, 'bot', 'index.ts')],
  floor: [join(ROOT, 'bench', 'echo-floor.ts')],
  'dialog-floor': [join(ROOT, 'bench', 'echo-floor.ts'), 'dialog'],
};

/** Rate limits high enough that the benchmark measures turns, not the limiter's refusals (same for both systems). */
export const BENCH_LIMITS = { SEEN_RATE_MESSAGES_PER_MINUTE: '1000000', SEEN_RATE_REQUESTS_PER_MINUTE: '1000000' } as const;
/** Outside demo mode tokens/generate serves only a token server holding the Direct Line secret; the benchmark is that token server. */
export const BENCH_DIRECTLINE_SECRET = 'bench-token-server-secret-0123456789';

/** A server that did not start, with its stderr as the cause. */
export class ServerStartError extends Error {
  constructor(system: System, reason: string, options: { cause: unknown }) {
    super(`${system} did not start: ${reason}`, options);
    this.name = 'ServerStartError';
  }
}

/** A running server process. */
export interface ServerProcess {
  system: System;
  base: string;
  child: ChildProcess;
  /** VmHWM: the most resident memory the process has had, in MB (undefined where /proc is missing). */
  peakRssMb(): number | undefined;
  /** CPU seconds (user + system, every thread) the process has used so far (undefined where /proc is missing). */
  cpuSeconds(): number | undefined;
  /** SIGTERM, wait for a clean exit (SIGKILL after 10 s). */
  stop(): Promise<void>;
}

/** Reads VmHWM from /proc/<pid>/status. */
export function peakRssMb(pid: number): number | undefined {
  try {
    const kb = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/** utime + stime from /proc/<pid>/stat, in seconds (clock ticks of 1/100 s, as on Linux by default). */
export function cpuSeconds(pid: number): number | undefined {
  try {
    // Fields after the command name (which may hold spaces) start at state; utime and stime are fields 14 and 15.
    const rest = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1)!.split(' ');
    return (Number(rest[11]) + Number(rest[12])) / 100;
  } catch {
    return undefined;
  }
}

/** The variables that say where a server keeps its data: only the run's own `dbEnv` sets them, never the caller's environment. */
const DATABASE_VARIABLES = ['SEEN_DB', 'SEEN_DATABASE_URL', 'SEEN_DATABASE_SCHEMA'] as const;

/** This process's environment minus the database variables (so a SQLite run never inherits SEEN_DATABASE_URL). */
function inheritedEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of DATABASE_VARIABLES) delete env[name];
  return env;
}

/**
 * Starts `system` on a free port with its database from `dbEnv` (SEEN_DB, or SEEN_DATABASE_URL + SEEN_DATABASE_SCHEMA);
 * resolves once /healthz answers. `cpuProfDir` turns on `--cpu-prof`.
 */
export async function startServer(system: System, opts: { dbEnv: Record<string, string>; cpuProfDir?: string; timeoutMs?: number }): Promise<ServerProcess> {
  const port = await freePort();
  const prof = opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : [];
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...prof, '--require', 'tsx/cjs', ...ENTRY[system]], {
    cwd: ROOT,
    env: { ...inheritedEnv(), ...opts.dbEnv, PORT: String(port), HOST: '127.0.0.1', SEEN_DEMO: '0', SEEN_DIRECTLINE_SECRET: BENCH_DIRECTLINE_SECRET, SEEN_LOG_LEVEL: 'silent', ...BENCH_LIMITS },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (!alive()) return;
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.kill('SIGTERM');
    await exited;
    clearTimeout(force);
  };
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (!alive()) throw new ServerStartError(system, `exited with ${child.exitCode}`, { cause: new Error(stderr) });
    const up = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    if (up) return { system, base, child, peakRssMb: () => peakRssMb(child.pid!), cpuSeconds: () => cpuSeconds(child.pid!), stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  await exited;
  throw new ServerStartError(system, `no answer on ${base}`, { cause: new Error(stderr) });
}
