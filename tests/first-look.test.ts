import { describe, expect, it } from 'vitest';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { mentionsAny } from '../src/analysis/imports';

// `mentionsAny` is the first look every rule takes at a file. It runs a case-insensitive pattern
// written in lower case on the file's lower-case text, and skips the pattern when the text holds
// none of the words its alternatives start with: both must answer exactly as the pattern does.

const file = (text: string): Readonly<SourceCode> => ({ text, ast: {} }) as unknown as Readonly<SourceCode>;

const PATTERNS = [
  /cors|origin(?!al|at)/iu,
  /\benv\b|\bimport\b|\brequire\s*\(/u,
  /\borigin\b|\bhost(?:name)?\b/iu,
  /colou?r|shade/u,
  /(["'`])null\1|\bnull\b/u,
  /host|bind|address/iu,
];

const TEXTS = [
  '',
  'const originalEnv = process.env;',
  "res.setHeader('Access-Control-Allow-Origin', '*')",
  'app.use(CORS())',
  'const color = 1;',
  'const colr = 1;',
  "import x from 'y';",
  "require ('x')",
  'const HOSTNAME = "::"',
  'hostnames.push(x)',
  "origin: 'null'",
  'a nullable value',
  'BIND_ADDRESS',
];

describe('mentionsAny', () => {
  it('answers as the pattern itself does, for every pattern and text', () => {
    const wrong = PATTERNS.flatMap((pattern) =>
      TEXTS.filter((text) => mentionsAny(file(text), pattern) !== pattern.test(text)).map(
        (text) => `${pattern.source} on ${JSON.stringify(text)}`,
      ),
    );
    expect(wrong).toEqual([]);
  });
});
