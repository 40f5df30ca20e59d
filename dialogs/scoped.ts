// Dialogs reach case records only through the access policy, as the user who is typing.
import type { CaseRecords } from '../records/repository';
import { RecordNotFoundError, RecordSaveError } from '../records/repository';
import { AccessDeniedError } from '../records/access';
import { ScopedRecords } from '../records/scoped-records';

/** The records as `userId` may see them; an unknown user id is a not-found error, never a wider view. */
export async function scopedRecords(records: CaseRecords, userId: string): Promise<ScopedRecords> {
  const user = await records.getUser(userId);
  if (!user) throw new RecordNotFoundError(`user ${userId}`);
  return new ScopedRecords(records, user);
}

/**
 * Runs a confirmed save; a refusal by the access policy or a missing record stays as it is (each has its own answer),
 * any other failure becomes a RecordSaveError, so the practitioner is told this write-up was not saved.
 */
export async function savedOrRefused<T>(what: string, save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (err) {
    if (err instanceof AccessDeniedError || err instanceof RecordNotFoundError) throw err;
    throw new RecordSaveError(what, { cause: err });
  }
}
