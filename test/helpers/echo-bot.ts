// A tiny echo bot for the Direct Line and browser tests: greets on membersAdded, echoes messages.
import { ActivityHandler } from 'botbuilder';
import type { TurnContext } from 'botbuilder';

/** The greeting and echo wording the tests expect. */
export const GREETING = 'Hello from the echo bot.';
export const echoOf = (text: string): string => `Echo: ${text}`;

/** Greets each new member other than itself; echoes message text; `boom` makes the turn fail. */
export class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id !== context.activity.recipient.id) await context.sendActivity(GREETING);
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      const text = context.activity.text ?? '';
      if (text === 'boom') throw new Error('echo bot asked to fail');
      await context.sendActivity(echoOf(text));
      await next();
    });
  }

  /** The logic function createDirectLine and createApp take. */
  readonly logic = (context: TurnContext): Promise<void> => this.run(context);
}
