// Direct Line conversations and their activities in SQLite, so history survives a restart.
import { EventEmitter } from 'node:events';
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { Db } from '../sqlite/db';
import { DirectLineError } from './errors';

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

/** Reads and appends conversation activities; emits `appended` with the conversation id after each write. */
export class DirectLineStore {
  /** Listeners (the WebSocket stream) learn that a conversation has something new. */
  readonly events = new EventEmitter();

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
      'INSERT OR IGNORE INTO directline_conversations (id, user_id, user_name, created_at, next_seq) VALUES (?, ?, ?, ?, 0)',
      [id, user.id, user.name ?? null, this.now().toISOString()],
    );
    return res.changes === 1;
  }

  /** The conversation, or undefined when it was never started. */
  async getConversation(id: string): Promise<ConversationRecord | undefined> {
    const row = await this.db.get<{ id: string; user_id: string; user_name: string | null; created_at: string }>(
      'SELECT id, user_id, user_name, created_at FROM directline_conversations WHERE id = ?',
      [id],
    );
    return row && { id: row.id, userId: row.user_id, userName: row.user_name, createdAt: row.created_at };
  }

  /** Appends one activity, assigning the next seq and its id atomically; returns the stored activity. */
  async append(conversationId: string, activity: Partial<Activity>): Promise<Activity & { id: string }> {
    const stored = await this.db.transaction(async (tx) => {
      const row = await tx.get<{ next_seq: number }>('SELECT next_seq FROM directline_conversations WHERE id = ?', [conversationId]);
      if (!row) throw new DirectLineError(404, 'NotFound', 'conversation not found');
      const seq = row.next_seq;
      const body = { ...activity, id: activityId(conversationId, seq) } as Activity & { id: string };
      await tx.run('INSERT INTO directline_activities (conversation_id, seq, body) VALUES (?, ?, ?)', [conversationId, seq, JSON.stringify(body)]);
      await tx.run('UPDATE directline_conversations SET next_seq = ? WHERE id = ?', [seq + 1, conversationId]);
      return body;
    });
    this.events.emit('appended', conversationId);
    return stored;
  }

  /** Activities with seq greater than `after` (-1 for all), oldest first, at most one page. */
  async listAfter(conversationId: string, after: number): Promise<ActivitySet> {
    const rows = await this.db.all<{ seq: number; body: string }>(
      'SELECT seq, body FROM directline_activities WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?',
      [conversationId, after, this.pageSize],
    );
    const activities = rows.map((r) => storedActivitySchema.parse(JSON.parse(r.body)) as unknown as Activity);
    const last = rows.at(-1)?.seq ?? after;
    return last >= 0 ? { activities, watermark: String(last) } : { activities };
  }
}
