// Which sub-commands `seen` has, in the order `seen help` lists them; each module exports `command`.
// require() keeps loading lazy and works under tsx's CommonJS loader (dynamic import() would need .ts paths).
import type { Command } from '../cli';

/** Loaders, so a command's dependencies are imported only when it runs. */
export const COMMANDS: Record<string, () => Promise<Command>> = {
  export: async () => (require('./export') as { command: Command }).command,
  analyze: async () => (require('./analyze') as { command: Command }).command,
  'package-teams': async () => (require('./package-teams') as { command: Command }).command,
  coverage: async () => (require('./coverage') as { command: Command }).command,
  audit: async () => (require('./audit') as { command: Command }).command,
  sar: async () => (require('./sar') as { command: Command }).command,
  retention: async () => (require('./retention') as { command: Command }).command,
  migrate: async () => (require('./migrate') as { command: Command }).command,
  'copy-database': async () => (require('./copy-database') as { command: Command }).command,
  users: async () => (require('./users') as { command: Command }).command,
};
