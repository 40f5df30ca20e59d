// Versioned schema steps, the same numbers on both backends: version N means the same tables, whichever database holds them.

/** One schema step; its statements run in one transaction with the version bump. */
export interface Migration {
  version: number;
  statements: readonly string[];
}

/** What a migration run did. */
export interface MigrationReport {
  from: number;
  to: number;
  applied: number[];
}

/** The schema is older than this Seen and start-up was told not to migrate it. */
export class SchemaBehindError extends Error {
  constructor(readonly at: number, readonly wanted: number) {
    super(`the database schema is at version ${at}, this Seen needs ${wanted}: run \`npx seen migrate\``);
    this.name = 'SchemaBehindError';
  }
}

/** The schema is newer than this Seen knows (an older build pointed at an upgraded database). */
export class SchemaAheadError extends Error {
  constructor(readonly at: number, readonly known: number) {
    super(`the database schema is at version ${at}, newer than this Seen knows (${known}); upgrade Seen`);
    this.name = 'SchemaAheadError';
  }
}

/** The newest version a list of migrations reaches. */
export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((v, m) => Math.max(v, m.version), 0);
}

/** Checks a list is 1, 2, 3… with no gaps, so both backends can be compared version by version. */
export function assertMigrationsOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new TypeError(`migration ${i + 1} is numbered ${m.version}`);
  });
}
