import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index';
import { CASES_ROOT } from './rule-tester';

const root = path.resolve(__dirname, '..');
const docsDir = path.join(root, 'docs/rules');
// An example may give the rule's options as JSON after its kind: ```ts incorrect {"reportExactAllowlists": true}
const FENCE = /^```(ts|js) (incorrect|correct)(?: (\{[^\n]*\}))?\n([\s\S]*?)^```$/gmu;

interface Example {
  readonly rule: string;
  readonly language: 'ts' | 'js';
  readonly kind: 'incorrect' | 'correct';
  readonly code: string;
  readonly options: readonly unknown[];
  readonly line: number;
}

function examplesOf(file: string): Example[] {
  const text = fs.readFileSync(path.join(docsDir, file), 'utf8');
  const rule = file.slice(0, -'.md'.length);
  return [...text.matchAll(FENCE)].map((match) => ({
    rule,
    language: match[1] as 'ts' | 'js',
    kind: match[2] as 'incorrect' | 'correct',
    options: match[3] ? [JSON.parse(match[3]) as unknown] : [],
    code: match[4]!,
    line: text.slice(0, match.index).split('\n').length,
  }));
}

const docs = fs.readdirSync(docsDir).filter((file) => file.endsWith('.md'));
const linter = new Linter({ configType: 'flat', cwd: CASES_ROOT });

describe.each(docs)('docs/rules/%s', (file) => {
  const examples = examplesOf(file);

  it('has incorrect and correct examples', () => {
    expect(examples.some((example) => example.kind === 'incorrect')).toBe(true);
    expect(examples.some((example) => example.kind === 'correct')).toBe(true);
  });

  it.each(examples.map((example) => [`${example.kind} example at line ${example.line}`, example] as const))(
    '%s',
    (_, example) => {
      const filename = example.language === 'ts' ? 'example.ts' : 'example.js';
      const messages = linter.verify(
        example.code,
        [
          {
            files: ['**/*.ts', '**/*.js'],
            ...(example.language === 'ts' ? { languageOptions: { parser: tsParser } } : {}),
            plugins: { 'mcp-cors': plugin },
            rules: { [`mcp-cors/${example.rule}`]: ['error', ...example.options] },
          },
        ],
        filename,
      );
      expect(messages.filter((message) => message.fatal)).toEqual([]);
      if (example.kind === 'incorrect') expect(messages.length).toBeGreaterThan(0);
      else expect(messages).toEqual([]);
    },
  );
});
