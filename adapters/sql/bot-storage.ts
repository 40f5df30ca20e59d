// Bot Framework Storage in SQL (SQLite or PostgreSQL): conversation and dialog state survive a kill -9, with eTag concurrency.
import type { Storage, StoreItems } from 'botbuilder';
import { z } from 'zod';
import type { Db, Executor } from './database';
import { currentTurnUnit } from './turn-unit';

/** A write whose eTag no longer matches what is stored: someone else changed the state first. */
export class StateConflictError extends Error {
  constructor(key: string) {
    super(`state for ${key} was changed by another turn`);
    this.name = 'StateConflictError';
  }
}

/**
 * The stored JSON (minus the eTag) that an item from `read` was parsed from. Why: a turn's state was serialised five
 * times (BotState's change hash at load and at save, each a stringify and a SHA-256, then once more here); conversation
 * state now judges "changed?" by comparing one string with this (bot/optimistic-state.ts). Non-enumerable, so it is
 * never copied or serialised with the state.
 */
export const READ_JSON = Symbol('seen.readJson');
/**
 * On an item given to `write`: that item's JSON minus its eTag, already made by the caller, so it is not made again.
 * Separate from READ_JSON so that an item read, changed and written back is never written as it was read.
 */
export const WRITE_JSON = Symbol('seen.writeJson');

/** The JSON attached to `item` under `key`, if any. */
export function attachedJson(item: object | null | undefined, key: typeof READ_JSON | typeof WRITE_JSON): string | undefined {
  const json = (item as Record<symbol, unknown> | null | undefined)?.[key];
  return typeof json === 'string' ? json : undefined;
}

/** Attaches `json` to `item` under `key` (non-enumerable); returns the item. */
export function attachJson<T extends object>(item: T, key: typeof READ_JSON | typeof WRITE_JSON, json: string): T {
  Object.defineProperty(item, key, { value: json, enumerable: false, configurable: true, writable: true });
  return item;
}

/** Stored state must be a JSON object; anything else is corruption. */
const StoredItem = z.record(z.string(), z.unknown());

/** Insert, or replace whatever is stored (no eTag, or `*`). */
const UPSERT = `INSERT INTO bot_state (key, etag, body, updated_at) VALUES (?, 1, ?, ?)
  ON CONFLICT(key) DO UPDATE SET etag = bot_state.etag + 1, body = excluded.body, updated_at = excluded.updated_at`;
/** Replace only when the stored eTag is still the one read. */
const UPDATE_IF_ETAG = 'UPDATE bot_state SET etag = etag + 1, body = ?, updated_at = ? WHERE key = ? AND etag = ?';

/** Storage backed by the bot_state table; each write batch is one transaction; a stale eTag is refused on either backend. */
export class SqlStorage implements Storage {
  constructor(private readonly db: Db, private readonly now: () => Date) {
    if (!db) throw new TypeError('SqlStorage needs a Db');
    if (typeof now !== 'function') throw new TypeError('SqlStorage needs a clock');
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    if (keys.length === 0) return items;
    const rows = await this.db.all<{ key: string; etag: number; body: string }>(
      `SELECT key, etag, body FROM bot_state WHERE key IN (${keys.map(() => '?').join(',')})`,
      keys,
    );
    for (const r of rows) items[r.key] = attachJson({ ...StoredItem.parse(JSON.parse(r.body)), eTag: String(r.etag) }, READ_JSON, r.body);
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const at = this.now().toISOString();
    const entries = Object.entries(changes);
    const unit = currentTurnUnit();
    // Inside a Direct Line turn: committed in the same transaction as the replies the user will see.
    if (unit) {
      unit.work.push((tx) => this.writeAll(tx, entries, at));
      return;
    }
    // Why: a turn saves one item; a single statement is atomic on its own, so it skips BEGIN/COMMIT (3 queue round trips → 1).
    if (entries.length === 1 && (await this.writeOneStatement(entries[0]![0], entries[0]![1], at))) return;
    await this.db.transaction((tx) => this.writeAll(tx, entries, at));
  }

  // Writes every item with its eTag check; a stale eTag throws, rolling back the whole transaction.
  private async writeAll(tx: Executor, entries: Array<[string, StoreItems[string]]>, at: string): Promise<void> {
    for (const [key, item] of entries) {
      const { eTag, ...body } = (item ?? {}) as { eTag?: string } & Record<string, unknown>;
      const json = attachedJson(item, WRITE_JSON) ?? JSON.stringify(body);
      if (!eTag || eTag === '*') {
        await tx.run(UPSERT, [key, json, at]);
        continue;
      }
      const updated = await tx.run(UPDATE_IF_ETAG, [json, at, key, Number(eTag)]);
      if (updated.changes === 1) continue;
      // Not there with that eTag: a first write inserts; an existing row (or another instance's insert just now) is a conflict.
      const inserted = await tx.run('INSERT INTO bot_state (key, etag, body, updated_at) VALUES (?, 1, ?, ?) ON CONFLICT (key) DO NOTHING', [key, json, at]);
      if (inserted.changes !== 1) throw new StateConflictError(key);
    }
  }

  // The one-statement cases: an unconditional upsert, or an update whose eTag matches; false means "use the transaction".
  private async writeOneStatement(key: string, item: StoreItems[string], at: string): Promise<boolean> {
    const { eTag, ...body } = (item ?? {}) as { eTag?: string } & Record<string, unknown>;
    const json = attachedJson(item, WRITE_JSON) ?? JSON.stringify(body);
    if (!eTag || eTag === '*') {
      await this.db.run(UPSERT, [key, json, at]);
      return true;
    }
    return (await this.db.run(UPDATE_IF_ETAG, [json, at, key, Number(eTag)])).changes === 1;
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.run(`DELETE FROM bot_state WHERE key IN (${keys.map(() => '?').join(',')})`, keys);
  }
}
