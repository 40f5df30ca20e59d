// Runs Seen and its CLI as real child processes (`node <SERVER_NODE_FLAGS> --require tsx/cjs bot/index.ts`, `bin/seen.js export`).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DOMAIN_WORDING } from '../../prompts';
import { DOMAIN_IDS, type DomainId } from '../../records/practice-model';
import { dbArgs, testDbEnv } from './database';
import { SERVER_NODE_FLAGS } from '../../bot/runtime';
export { freePort } from '../../bench/free-port';

const ROOT = join(__dirname, '..', '..');

/** A running Seen process. */
export interface SeenProcess {
  child: ChildProcess;
  base: string;
  /** What the process wrote to stderr (start-up failures). */
  stderr(): string;
  /** SIGKILL (kill -9) and wait for the exit. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for the exit (Seen closes cleanly). */
  stop(): Promise<void>;
}

/** Starts Seen on `port` with `db`, resolving once /healthz answers; rejects (and kills it) after `timeoutMs`. */
export async function startSeenProcess(opts: { port: number; db: string; env?: Record<string, string>; timeoutMs?: number }): Promise<SeenProcess> {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--require', 'tsx/cjs', join(ROOT, 'bot', 'index.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(opts.port), HOST: '127.0.0.1', ...testDbEnv(opts.db), SEEN_LOG_LEVEL: 'silent', ...opts.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    await exited;
  };
  const base = `http://127.0.0.1:${opts.port}`;
  const proc: SeenProcess = { child, base, stderr: () => err, kill9: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };

  const deadline = Date.now() + (opts.timeoutMs ?? 20_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Seen exited with ${child.exitCode} before answering: ${err}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) return proc;
    } catch {
      // Not listening yet: try again shortly.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await proc.kill9();
  throw new Error(`Seen did not answer on ${base} within ${opts.timeoutMs ?? 20_000} ms: ${err}`);
}

/** `seen export <ref> --format <f> --db <file>` as a child process; its stdout. */
export async function exportCase(ref: string, format: 'json' | 'md', db: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'bin', 'seen.js'), 'export', ref, '--format', format, ...dbArgs(db)], { cwd: ROOT, env: { ...process.env }, timeout: 30_000 });
  return stdout;
}

/** The exported JSON shape these tests read. */
export interface Exported {
  caseRef: string;
  fictional: boolean;
  summaries: Array<{
    manId: string; author: string; version: number; actions: string[];
    contact: { date: string; seenStatus: string };
    infoSought: { agencies: string[]; consentGiven: boolean | null };
    domains: Record<DomainId, { status: string; account: string }>;
  }>;
}

/** Which domains the practitioner gave an account for: their question text was asked. */
export function domainsAnswered(asked: readonly string[]): DomainId[] {
  return DOMAIN_IDS.filter((d) => asked.includes(DOMAIN_WORDING[d].question));
}
