// Direct Line conversations and their activities in the database, so history survives a restart and is shared by every instance.
import { EventEmitter } from 'node:events';
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { APPENDED_CHANNEL, type Db, type Executor } from './database';
import { DirectLineError } from '../directline/errors';
import { currentTurnUnit } from './turn-unit';

/** A conversation row as stored. */
export interface ConversationRecord {
  id: string;
  userId: string;
  userName: string | null;
  createdAt: string;
}

/** One page of activities after a watermark; watermark is the last seq returned (or the one asked for). */
export interface ActivitySet {
  activities: Activity[];
  watermark?: string;
}

/** Stored activity JSON is a boundary too: it must at least be an object with a type. */
const storedActivitySchema = z.looseObject({ type: z.string() });

/** Ids are `<conversationId>|<seq padded to 7>`, the shape Direct Line itself uses. */
export function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

/** Reads and appends conversation activities; emits `appended` with the conversation id after each write, this instance's or another's. */
export class DirectLineStore {
  /** Listeners (the WebSocket stream) learn that a conversation has something new. */
  readonly events = new EventEmitter();
  /**
   * Conversations already read, newest last. Why: every post and poll checks its conversation (two or three reads of
   * the same row per turn), and a conversation row never changes or goes once created, so a copy is never stale, on
   * any instance. Bounded, oldest dropped first.
   */
  private readonly known = new Map<string, ConversationRecord>();
  private static readonly KNOWN_LIMIT = 10_000;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly pageSize = 100,
  ) {
    if (!db) throw new Error('DirectLineStore needs a Db');
    if (typeof now !== 'function') throw new Error('DirectLineStore needs a clock');
    this.events.setMaxListeners(0);
  }

  /** Creates the conversation if new; true only the first time (so the bot greets once). */
  async createConversation(id: string, user: { id: string; name?: string }): Promise<boolean> {
    const res = await this.db.run(
      'INSERT INTO directline_conversations (id, user_id, user_name, created_at, next_seq) VALUES (?, ?, ?, ?, 0) ON CONFLICT (id) DO NOTHING',
      [id, user.id, user.name ?? null, this.now().toISOString()],
    );
    return res.changes === 1;
  }

  /** The conversation, or undefined when it was never started (not remembered: it may be started later, elsewhere). */
  async getConversation(id: string): Promise<ConversationRecord | undefined> {
    const known = this.known.get(id);
    if (known) return known;
    const row = await this.db.get<{ id: string; user_id: string; user_name: string | null; created_at: string }>(
      'SELECT id, user_id, user_name, created_at FROM directline_conversations WHERE id = ?',
      [id],
    );
    if (!row) return undefined;
    const record = { id: row.id, userId: row.user_id, userName: row.user_name, createdAt: row.created_at };
    if (this.known.size >= DirectLineStore.KNOWN_LIMIT) this.known.delete(this.known.keys().next().value!);
    this.known.set(id, record);
    return record;
  }

  /**
   * Hears appends made by other instances sharing the database, so a WebSocket held here is woken by a turn run there.
   * Resolves with a function that stops listening.
   */
  listenToOtherInstances(): Promise<() => Promise<void>> {
    return this.db.listen(APPENDED_CHANNEL, (conversationId) => this.events.emit('appended', conversationId));
  }

  /**
   * Appends one activity, assigning the next seq and its id atomically in one statement (the backend's
   * `appendActivity`); returns the stored activity. Inside a bot turn (a TurnUnit) the append is staged and committed
   * with the turn's state. On a shared backend, other instances hear of it when it commits.
   */
  async append(conversationId: string, activity: Partial<Activity>): Promise<Activity & { id: string }> {
    const body = JSON.stringify({ ...activity, id: undefined });
    const unit = currentTurnUnit();
    if (unit) {
      // Inside a bot turn: stored with the turn's state at commit; the id is known only then.
      unit.work.push(async (tx) => {
        await this.insert(tx, conversationId, body);
      });
      unit.afterCommit.push(() => this.events.emit('appended', conversationId));
      return { ...activity, id: `${conversationId}|pending` } as Activity & { id: string };
    }
    const seq = await this.insert(this.db, conversationId, body);
    const stored = { ...activity, id: activityId(conversationId, seq) } as Activity & { id: string };
    this.events.emit('appended', conversationId);
    return stored;
  }

  // One append (one statement, with its cross-instance notice where the backend has one); an unknown conversation is a 404.
  private async insert(tx: Executor, conversationId: string, body: string): Promise<number> {
    const row = await tx.get<{ seq: number }>(this.db.dialect.appendActivity, [conversationId, body]);
    if (!row) throw new DirectLineError(404, 'NotFound', 'conversation not found');
    return row.seq;
  }

  /** Activities with seq greater than `after` (-1 for all), oldest first, at most one page. */
  async listAfter(conversationId: string, after: number): Promise<ActivitySet> {
    const rows = await this.db.all<{ seq: number; body: string }>(
      'SELECT seq, body FROM directline_activities WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?',
      [conversationId, after, this.pageSize],
    );
    const activities = rows.map((r) => storedActivitySchema.parse(JSON.parse(r.body)) as unknown as Activity);
    // Why ask when nothing came back: a client's watermark past the end (or made up) must not be echoed as if real.
    const last = rows.at(-1)?.seq ?? (await this.db.get<{ last: number | null }>('SELECT MAX(seq) AS last FROM directline_activities WHERE conversation_id = ?', [conversationId]))?.last ?? -1;
    return last >= 0 ? { activities, watermark: String(last) } : { activities };
  }
}
