// Attributes every records call in a bot turn to the Seen user typing and the channel they came through.
import type { TurnContext } from 'botbuilder';
import type { AuditPath } from '../records/audit';
import type { CaseRecords } from '../records/repository';
import type { AuditScope } from '../adapters/sql/audited-case-records';
import { channelOf } from '../views/channels';

/** Channel id → audit path: Seen's own Direct Line, Teams, or any other Bot Framework chat (Emulator, Azure Web Chat). */
export function auditPathOf(channelId: string | undefined): AuditPath {
  return channelOf(channelId).auditPath;
}

/** Wraps the bot's logic so the turn runs inside an audit context; users known by Entra id are resolved to their Seen id. */
export function auditedLogic(scope: AuditScope, records: Pick<CaseRecords, 'getUserByAadObjectId'>, logic: (ctx: TurnContext) => Promise<void>) {
  if (!scope || !records || typeof logic !== 'function') throw new TypeError('auditedLogic needs a scope, records and logic');
  return async (ctx: TurnContext): Promise<void> => {
    const path = auditPathOf(ctx.activity.channelId);
    const from = ctx.activity.from;
    let actor = String(from?.id || 'unknown').slice(0, 120);
    if (channelOf(ctx.activity.channelId).entraIds) {
      const aad = from?.aadObjectId;
      const user = aad ? await records.getUserByAadObjectId(aad) : undefined;
      actor = user?.id ?? `aad:${String(aad ?? 'unknown').slice(0, 100)}`;
    }
    await scope.run({ actor, path }, () => logic(ctx));
  };
}
