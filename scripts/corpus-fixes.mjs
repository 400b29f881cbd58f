#!/usr/bin/env node
// Counts the autofixes a config applies to the labelled files of the development corpus
// (../shared/corpus), by the verdict of the label on the line each fix is reported at: an autofix
// is applied on save, so none may land on a SAFE or UNSURE line.
//
// Usage, after `npm run build` and one run of the corpus scorer (which checks the labelled
// repositories out under the system's temp folder, or TREES=dir):
//   node scripts/corpus-fixes.mjs                 # the `recommended` config
//   CONFIG=fail-closed node scripts/corpus-fixes.mjs
// Prints each fix on a SAFE or UNSURE line, then the counts; exits 1 when `recommended` has any.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { root } from './corpus.mjs';

const corpusDir = path.resolve(root, '..', 'shared', 'corpus');
const corpus = JSON.parse(fs.readFileSync(path.join(corpusDir, 'corpus.json'), 'utf8'));
const trees = path.resolve(process.env.TREES ?? path.join(os.tmpdir(), 'mcp-cors-corpus-trees'));
const configName = process.env.CONFIG ?? 'recommended';
const plugin = (await import(path.join(root, 'dist', 'index.js'))).default;
const config = plugin.configs[configName];
if (!config) throw new Error(`no config ${configName}: ${Object.keys(plugin.configs).join(', ')}`);

const eslint = new ESLint({
  cwd: os.tmpdir(),
  overrideConfigFile: true,
  ignore: false,
  overrideConfig: [
    { files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs,jsx}'], languageOptions: { parser: tsParser } },
    ...(Array.isArray(config) ? config : [config]),
  ],
});

/** Whether a report stands for a label's line: the lines it spans, or the line on each side of a one-line report. */
const stands = (message, line) => {
  const end = message.endLine ?? message.line;
  const slack = end > message.line ? 0 : 1;
  return line >= message.line - slack && line <= end + slack;
};

const counts = { TRUE_POSITIVE: 0, SAFE: 0, UNSURE: 0, unlabelled: 0 };
const wrong = [];
let files = 0;
let missing = 0;
for (const repo of corpus.repos) {
  const tree = path.join(trees, repo.mirror.split('/')[0], repo.commit);
  for (const file of repo.files) {
    const filePath = path.join(tree, file.path);
    if (!fs.existsSync(filePath)) {
      missing++;
      continue;
    }
    files++;
    const [result] = await eslint.lintText(fs.readFileSync(filePath, 'utf8'), { filePath });
    for (const message of result.messages) {
      if (!message.fix || !message.ruleId?.startsWith('mcp-cors/')) continue;
      const labels = file.labels.filter((label) => stands(message, label.line));
      const verdict = labels.find((label) => label.verdict !== 'TRUE_POSITIVE')?.verdict ?? labels[0]?.verdict;
      counts[verdict ?? 'unlabelled']++;
      if (verdict === 'SAFE' || verdict === 'UNSURE') {
        wrong.push(`${verdict} ${repo.repo}:${file.path}:${message.line} ${message.ruleId}: ${message.message}`);
      }
    }
  }
}
for (const line of wrong) console.log(`  ${line}`);
console.log(
  `${configName}: ${counts.TRUE_POSITIVE + counts.SAFE + counts.UNSURE + counts.unlabelled} autofixes on ${files} files` +
    ` (${missing} missing): on TRUE_POSITIVE lines ${counts.TRUE_POSITIVE}, SAFE ${counts.SAFE},` +
    ` UNSURE ${counts.UNSURE}, unlabelled ${counts.unlabelled}`,
);
if (missing > 0)
  console.log('  some files are missing: run `node ../shared/corpus/score.mjs` once to check the trees out');
process.exit(configName === 'recommended' && (counts.SAFE > 0 || counts.UNSURE > 0) ? 1 : 0);
