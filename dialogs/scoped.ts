// Dialogs reach case records only through the access policy, as the user who is typing.
import type { CaseRecords } from '../records/repository';
import { RecordNotFoundError } from '../records/repository';
import { ScopedRecords } from '../records/scoped-records';

/** The records as `userId` may see them; an unknown user id is a not-found error, never a wider view. */
export async function scopedRecords(records: CaseRecords, userId: string): Promise<ScopedRecords> {
  const user = await records.getUser(userId);
  if (!user) throw new RecordNotFoundError(`user ${userId}`);
  return new ScopedRecords(records, user);
}
