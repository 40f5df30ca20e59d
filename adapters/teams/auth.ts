// Bot Framework authentication that never turns a bad or unverifiable token into a 500: every failure is a 401.
import { ConfigurationBotFrameworkAuthentication, StatusCodes, type Activity } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';

/**
 * ConfigurationBotFrameworkAuthentication, except that errors while validating a token (an unreachable OpenID endpoint,
 * a malformed JWT the library trips over) become AuthenticationError 401 with the original as cause: the request is
 * not authenticated, and CloudAdapter answers 401 only for AuthenticationError.
 */
export class StrictBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (err) {
      if (err instanceof AuthenticationError) throw err;
      throw Object.assign(new AuthenticationError('the request could not be authenticated', StatusCodes.UNAUTHORIZED), { cause: err });
    }
  }
}
