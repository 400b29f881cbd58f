#!/usr/bin/env node
// Applies a config's autofixes (`fail-closed` by default) to whole repositories of the development
// corpus (../shared/corpus) and type-checks each before and after: an autofix may not add a type
// error (issue 13). Each repository is checked out at its labelled commit from the same git
// snapshots as the corpus scorer, outside this repo (a folder under the system's temp folder, or
// WORK=dir), and its dependencies are installed there with `npm ci --ignore-scripts`.
//
// Usage, after `npm run build`:
//   node scripts/fix-typecheck.mjs                          # the seven repositories below
//   node scripts/fix-typecheck.mjs owner/name owner/name    # others from corpus.json
//   CONFIG=recommended node scripts/fix-typecheck.mjs
// Prints, per repository, the fixes applied and every type error that the fixes added; exits 1
// when any was added or a repository could not be checked.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { root } from './corpus.mjs';

/**
 * Corpus repositories whose `npm ci` installs, with a root tsconfig and files the fail-closed fixes
 * touch (notion-mcp-server and spec-workflow-mcp get none; kieai-mcp-server's lockfile names a
 * tarball on codeload.github.com, out of reach here).
 */
const DEFAULT_REPOS = [
  'QuantGeekDev/mcp-framework',
  'adamwattis/mcp-proxy-server',
  'apify/actors-mcp-server',
  'jae-jae/fetcher-mcp',
  'platformatic/mcp',
  'supercorp-ai/supergateway',
  'tableau/tableau-mcp',
];

const corpusDir = path.resolve(root, '..', 'shared', 'corpus');
const corpus = JSON.parse(fs.readFileSync(path.join(corpusDir, 'corpus.json'), 'utf8'));
const mirrors = path.resolve(process.env.MIRRORS ?? path.join(root, '..', '.mirror'));
const work = path.resolve(process.env.WORK ?? path.join(os.tmpdir(), 'mcp-cors-fix-typecheck'));
const configName = process.env.CONFIG ?? 'fail-closed';
const plugin = (await import(path.join(root, 'dist', 'index.js'))).default;
const config = plugin.configs[configName];
if (!config) throw new Error(`no config ${configName}: ${Object.keys(plugin.configs).join(', ')}`);

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', '.git', '.next']);

/** The source files below `dir`, outside dependencies and build output; never a declaration file. */
function sourceFiles(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) found.push(...sourceFiles(full));
    } else if (entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(full);
  }
  return found;
}

/** Type errors of `tsc --noEmit` in `dir`, each as `file: TSxxxx message` (no position: fixes move lines). */
function typeErrors(dir) {
  const local = path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
  const tsc = fs.existsSync(local) ? local : path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const run = spawnSync(process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.json'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const errors = [];
  for (const line of run.stdout.split('\n')) {
    const match = /^(.+?)\(\d+,\d+\): error (TS\d+): (.*)$/.exec(line);
    if (match) errors.push(`${match[1]}: ${match[2]} ${match[3]}`);
  }
  return errors;
}

/**
 * Writes the files of `commit` into `dir`: every blob the snapshot has (it may lack its largest),
 * read in one `cat-file --batch`.
 */
function checkOut(gitDir, commit, dir) {
  const blobs = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', commit], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  })
    .split('\n')
    .map((line) => /^\d+ blob ([0-9a-f]+)\t(.*)$/.exec(line))
    .filter((match) => match !== null);
  const batch = execFileSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], {
    input: `${blobs.map((match) => match[1]).join('\n')}\n`,
    maxBuffer: 1 << 30,
  });
  let at = 0;
  for (const [, , file] of blobs) {
    const end = batch.indexOf(10, at);
    const header = batch.subarray(at, end).toString();
    at = end + 1;
    if (header.endsWith(' missing')) continue;
    const size = Number(header.split(' ')[2]);
    const target = path.join(dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, batch.subarray(at, at + size));
    at += size + 1;
  }
}

/** What `after` holds more often than `before`. */
function added(before, after) {
  const left = new Map();
  for (const error of before) left.set(error, (left.get(error) ?? 0) + 1);
  return after.filter((error) => {
    const count = left.get(error) ?? 0;
    if (count > 0) left.set(error, count - 1);
    return count === 0;
  });
}

const wanted = process.argv.length > 2 ? process.argv.slice(2) : DEFAULT_REPOS;
let failed = false;
for (const name of wanted) {
  const repo = corpus.repos.find((entry) => entry.repo === name);
  if (!repo) throw new Error(`${name} is not in corpus.json`);
  const gitDir = path.join(mirrors, repo.mirror);
  if (!fs.existsSync(gitDir)) {
    console.log(`${name}: snapshot missing (fetch github:${name})`);
    failed = true;
    continue;
  }
  const dir = path.join(work, repo.repo.replace('/', '+'));
  fs.mkdirSync(dir, { recursive: true });
  // A fresh checkout over the last run's fixed files; node_modules stays.
  checkOut(gitDir, repo.commit, dir);
  if (!fs.existsSync(path.join(dir, 'node_modules'))) {
    const install = spawnSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: dir,
      encoding: 'utf8',
    });
    if (install.status !== 0) {
      console.log(`${name}: npm ci failed\n${install.stderr.split('\n').slice(-8).join('\n')}`);
      failed = true;
      continue;
    }
  }
  const before = typeErrors(dir);
  const options = eslintOptions(dir);
  const eslint = new ESLint({ ...options, fix: (message) => message.ruleId?.startsWith('mcp-cors/') ?? false });
  const files = sourceFiles(dir);
  const results = await eslint.lintFiles(files);
  const fixed = results.filter((result) => result.output !== undefined);
  // The fixes applied: the reports with a fix that the fixed file no longer has.
  const reportsBefore = (await new ESLint(options).lintFiles(fixed.map((result) => result.filePath))).flatMap(
    (result) => result.messages.filter((message) => message.fix && message.ruleId?.startsWith('mcp-cors/')),
  ).length;
  await ESLint.outputFixes(results);
  const after = typeErrors(dir);
  const newErrors = added(before, after);
  console.log(
    `${name}: ${reportsBefore} autofixes in ${fixed.length} of ${files.length} files; ` +
      `type errors ${before.length} before, ${after.length} after, ${newErrors.length} added`,
  );
  for (const result of fixed) console.log(`  fixed ${path.relative(dir, result.filePath)}`);
  for (const error of newErrors) console.log(`  ADDED ${error}`);
  if (newErrors.length > 0) failed = true;
}
process.exit(failed ? 1 : 0);

/** ESLint's options for `dir`: the parser, and the config alone. */
function eslintOptions(dir) {
  return {
    cwd: dir,
    overrideConfigFile: true,
    ignore: false,
    overrideConfig: [
      { files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs,jsx}'], languageOptions: { parser: tsParser } },
      ...(Array.isArray(config) ? config : [config]),
    ],
  };
}
