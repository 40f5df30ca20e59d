// Wording of the plain sign-in pages: not a Seen user, signed out, sign-in failed or unavailable.

/** Sign-in lines (namespace `signin`); each page is a title and one or two sentences, shown as plain text. */
export const signin = {
  notUserTitle: 'You are not a Seen user',
  notUserBody: 'You signed in, but your account is not set up to use Seen. Please ask your administrator to add you.',
  signedOutTitle: 'You have signed out of Seen',
  signedOutBody: 'Your session has ended and this browser can no longer reach Seen as you.',
  signInAgain: 'Sign in again',
  failedTitle: 'Sign-in did not complete',
  failedBody: 'Seen could not confirm who you are, so nothing was opened. Please sign in again; if this keeps happening, ask your administrator.',
  unavailableTitle: 'Sign-in is not available',
  unavailableBody: 'Seen cannot reach its sign-in service at the moment, or sign-in is not configured. Please try again shortly, or ask your administrator.',
  signOut: 'Sign out',
  hostRefused: 'Seen in demo mode answers only at localhost, 127.0.0.1 or [::1].',
} as const;
