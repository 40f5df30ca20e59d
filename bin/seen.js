#!/usr/bin/env node
// `npx seen …`: runs the TypeScript CLI through tsx.
require('tsx/cjs');
require('./cli.ts')
  .main(process.argv.slice(2))
  .then((code) => { process.exitCode = code; })
  .catch((err) => { process.stderr.write(`seen: ${err && err.message ? err.message : String(err)}\n`); process.exitCode = 1; });
