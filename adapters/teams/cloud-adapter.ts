// CloudAdapter with its two turn steps public, so Seen's /api/messages route answers refusals itself and can limit
// a conversation only once the request is known to come from the channel.
import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';

/** The Bot Framework's two steps for one request: authenticate it (throws AuthenticationError), then run the turn. */
export interface BotFrameworkTurns {
  authenticate(authHeader: string, activity: Activity): Promise<AuthenticateRequestResult>;
  processTurn(authenticated: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined>;
}

/**
 * CloudAdapter.process prints every failure, a 401 included, as a stack trace to stderr before answering, and anyone
 * can send 401s. Seen calls the same two steps CloudAdapter does (authenticateRequest, then processActivity with its
 * result) and answers and logs refusals itself.
 */
export class SeenCloudAdapter extends CloudAdapter implements BotFrameworkTurns {
  authenticate(authHeader: string, activity: Activity): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
  }

  processTurn(authenticated: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authenticated, activity, logic);
  }
}
