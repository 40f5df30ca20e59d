// One turn, one transaction: the bot's replies and its conversation state are committed together or not at all.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db, Executor } from './database';

/** Writes staged during a turn, and what to do once they are committed (e.g. wake stream listeners). */
export interface TurnUnit {
  readonly work: Array<(tx: Executor) => Promise<void>>;
  readonly afterCommit: Array<() => void>;
}

const units = new AsyncLocalStorage<TurnUnit>();

/** The unit of the turn this code runs in, if any; writers stage into it instead of writing at once. */
export function currentTurnUnit(): TurnUnit | undefined {
  return units.getStore();
}

/**
 * Runs a turn with its replies and state writes staged, then commits them in one transaction.
 * Why: a kill between "replies stored" and "state saved" showed the next question while the dialog still waited on
 * the previous one, so the practitioner's answer landed in the wrong field. If the turn throws, nothing is written.
 */
export async function inTurnUnit<T>(db: Db, turn: () => Promise<T>): Promise<T> {
  const unit: TurnUnit = { work: [], afterCommit: [] };
  const result = await units.run(unit, turn);
  if (unit.work.length > 0) {
    await units.exit(() =>
      db.transaction(async (tx) => {
        for (const write of unit.work) await write(tx);
      }),
    );
  }
  for (const done of unit.afterCommit) done();
  return result;
}
