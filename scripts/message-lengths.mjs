#!/usr/bin/env node
// Measures the messages the rules write once filled in, as a user reads them: every report of the
// `all` config on the example servers (examples/, linted from their folder) and on the labelled
// files of the development corpus (../shared/corpus, each repository linted from its own root, as
// `eslint .` there would, so that the places a message names are the paths its users see).
// A message is one short sentence: the bar is a median of at most 100 characters and a longest
// of at most 140. Prints the median, the longest, and each distinct message over 120 characters;
// exits 1 when a bar is missed.
//
// Usage, after `npm run build` and one run of the corpus scorer (which checks the labelled
// repositories out under the system's temp folder, or TREES=dir):
//   node scripts/message-lengths.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { root } from './corpus.mjs';

const MEDIAN_BAR = 100;
const LONGEST_BAR = 140;
const SHOWN_OVER = 120;

const corpusDir = path.resolve(root, '..', 'shared', 'corpus');
const trees = path.resolve(process.env.TREES ?? path.join(os.tmpdir(), 'mcp-cors-corpus-trees'));
const plugin = (await import(path.join(root, 'dist', 'index.js'))).default;

/** An ESLint that lints as a user's `eslint .` from `cwd`, with every rule of the plugin. */
const eslintFrom = (cwd) =>
  new ESLint({
    cwd,
    overrideConfigFile: true,
    ignore: false,
    overrideConfig: [
      { files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs,jsx}'], languageOptions: { parser: tsParser } },
      plugin.configs.all,
    ],
  });

const lengths = [];
const long = new Map();
const take = (results, where) => {
  for (const result of results) {
    for (const message of result.messages) {
      if (!message.ruleId?.startsWith('mcp-cors/')) continue;
      lengths.push(message.message.length);
      if (message.message.length > SHOWN_OVER && !long.has(message.message)) {
        long.set(message.message, `${where}: ${path.basename(result.filePath)}:${message.line} ${message.ruleId}`);
      }
    }
  }
};

const examples = path.join(root, 'examples');
take(await new ESLint({ cwd: examples }).lintFiles(['.']), 'examples');
const exampleCount = lengths.length;

let missing = 0;
if (fs.existsSync(path.join(corpusDir, 'corpus.json'))) {
  const corpus = JSON.parse(fs.readFileSync(path.join(corpusDir, 'corpus.json'), 'utf8'));
  for (const repo of corpus.repos) {
    const tree = path.join(trees, repo.mirror.split('/')[0], repo.commit);
    const files = repo.files.map((file) => path.join(tree, file.path)).filter((file) => fs.existsSync(file));
    missing += repo.files.length - files.length;
    if (files.length > 0) take(await eslintFrom(tree).lintFiles(files), repo.repo);
  }
} else {
  console.log(`no corpus at ${corpusDir}: the examples alone`);
}

lengths.sort((a, b) => a - b);
const median = lengths.length === 0 ? 0 : lengths[Math.floor(lengths.length / 2)];
const longest = lengths.at(-1) ?? 0;
for (const [message, where] of [...long].sort((a, b) => b[0].length - a[0].length)) {
  console.log(`  ${message.length} ${where}\n      ${message}`);
}
console.log(
  `${lengths.length} messages (${exampleCount} on the examples, ${lengths.length - exampleCount} on the corpus` +
    `${missing > 0 ? `, ${missing} corpus files missing: run the scorer once` : ''}): median ${median}` +
    ` (bar ${MEDIAN_BAR}), longest ${longest} (bar ${LONGEST_BAR}), ${long.size} distinct over ${SHOWN_OVER}`,
);
process.exit(median > MEDIAN_BAR || longest > LONGEST_BAR ? 1 : 0);
