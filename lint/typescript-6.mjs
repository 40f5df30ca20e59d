// Why: TypeScript 7 (the project's compiler) has no JavaScript compiler API, so typescript-eslint parses with TypeScript 6's;
// npm hoists ts-api-utils next to TypeScript 7, so its `require('typescript')` is pointed at lint/'s TypeScript 6 here.
import Module, { createRequire } from 'node:module';
import { sep } from 'node:path';

const typescript6 = createRequire(import.meta.url).resolve('typescript');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === 'typescript' && parent?.filename?.includes(`${sep}ts-api-utils${sep}`)) return typescript6;
  return resolve.call(this, request, parent, ...rest);
};
