import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fs from 'node:fs';
import { ESLint, type Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index';
import { root } from '../support/typecheck';

/** What scripts/corpus.mjs exports (a plain ES module, shared with the benchmark). */
interface CorpusFile {
  path: string;
  name: string;
  bytes: number;
  sourceType: 'module' | 'commonjs';
}
interface CorpusModule {
  corpusFiles(): CorpusFile[];
  corpusSummary(files: CorpusFile[]): { packages: number; files: number; bytes: number };
  lintPath(file: CorpusFile): string;
  languageConfig(parser: unknown): Linter.Config[];
}

interface Crash {
  file: string;
  ruleId: string | null;
  message: string;
  stack: string;
}

/** The most work the test may take on: the corpus is ~5,200 files and ~31 MB today. */
const MAX_FILES = 8000;
const MAX_BYTES = 50_000_000;

// A linter meets every file of a monorepo in CI: whatever real code a package ships, no rule may
// throw on it. The corpus is every source file of ~90 installed packages (scripts/corpus.mjs).
describe('every rule over the whole corpus', () => {
  let corpus: CorpusModule;
  let files: CorpusFile[];

  beforeAll(async () => {
    // A computed specifier: TypeScript does not type-check the .mjs, the interface above does.
    corpus = (await import(pathToFileURL(path.join(root, 'scripts/corpus.mjs')).href)) as CorpusModule;
    files = corpus.corpusFiles();
  });

  it('is the corpus the benchmark uses: at least 3,000 files and 30 MB, and a bounded amount of work', () => {
    const summary = corpus.corpusSummary(files);
    expect(summary.files).toBeGreaterThanOrEqual(3000);
    expect(summary.bytes).toBeGreaterThanOrEqual(30_000_000);
    // The test has no clock of its own (a loaded machine must not fail it): what bounds it is
    // the work, a fixed number of files.
    expect(summary.files).toBeLessThanOrEqual(MAX_FILES);
    expect(summary.bytes).toBeLessThanOrEqual(MAX_BYTES);
  });

  it('lints every file with configs.all through @typescript-eslint/parser without a rule exception', async () => {
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [...corpus.languageConfig(tsParser), plugin.configs.all],
      cache: false,
    });
    const crashes: Crash[] = [];
    const parseErrors: string[] = [];
    const reportsByRule: Record<string, number> = {};
    for (const file of files) {
      const text = fs.readFileSync(file.path, 'utf8');
      try {
        const [result] = await eslint.lintText(text, { filePath: corpus.lintPath(file) });
        for (const message of result!.messages) {
          if (message.fatal) parseErrors.push(`${file.name}:${message.line}: ${message.message}`);
          else if (message.ruleId) reportsByRule[message.ruleId] = (reportsByRule[message.ruleId] ?? 0) + 1;
        }
      } catch (error) {
        const { ruleId, message, stack } = error as Error & { ruleId?: string };
        crashes.push({
          file: file.name,
          ruleId: ruleId ?? null,
          message: message.split('\n')[0]!,
          stack: stack ?? '',
        });
      }
    }

    // Each crash with the file, the rule and where in the rule it threw.
    expect(crashes).toEqual([]);
    // A file the parser cannot read is no rule's fault (pino ships a syntax-error fixture), but
    // a corpus that mostly fails to parse would prove nothing.
    expect(parseErrors.length, parseErrors.join('\n')).toBeLessThan(files.length / 100);
    // The rules ran: the MCP SDK's own examples draw reports.
    expect(Object.keys(reportsByRule).length).toBeGreaterThan(0);
  });
});
