// The Microsoft 365 Agents Playground's built-in users: it sends these fixed ids (from its default
// .m365agentsplayground.yml, @microsoft/m365agentsplayground 0.2.x), so an administrator can map one to a Seen user.
// Note: they are not GUIDs (the last group has 13 digits), so they are accepted by name, never by a looser pattern.

/** The Playground's current user (the one who types): Teams `from.id` and `from.aadObjectId`. */
export const PLAYGROUND_USER = { id: 'user-id-0', name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000020' } as const;

/** Every Entra object id the Playground's default configuration can send (the current user, then the five others). */
export const PLAYGROUND_AAD_OBJECT_IDS: readonly string[] = ['20', '21', '22', '23', '24', '25'].map((n) => `00000000-0000-0000-0000-00000000000${n}`);
