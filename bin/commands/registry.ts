// Which sub-commands `seen` has, in the order `seen help` lists them; each module exports `command`.
import type { Command } from '../cli';

/** Loaders, so a command's dependencies are imported only when it runs. */
export const COMMANDS: Record<string, () => Promise<Command>> = {
  export: async () => (await import('./export.js')).command,
};
