// CloudAdapter with its turn entry point public, so Seen's /api/messages route answers refusals itself.
import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';

/** One Bot Framework turn: authenticate the request, run the logic, return the invoke answer if any (throws AuthenticationError). */
export interface BotFrameworkTurns {
  processTurn(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined>;
}

/**
 * CloudAdapter.process prints every failure, a 401 included, as a stack trace to stderr before answering; anyone can
 * send 401s. Seen calls the same authenticated turn (processActivity) and answers and logs refusals itself.
 */
export class SeenCloudAdapter extends CloudAdapter implements BotFrameworkTurns {
  processTurn(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}
