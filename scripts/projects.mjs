// The whole-project benchmark's repositories: five real MCP servers of the development corpus
// (../shared/corpus/corpus.json), each checked out whole at the commit its labels were made at, from
// the same bare git snapshots and into the same cache of trees as the corpus scorer
// (../shared/corpus/score.mjs), so that a tree either script has written serves both. Nothing is
// copied into the repo. scripts/bench-projects.mjs lints them.
//
// Environment: MIRRORS=dir   where the snapshots are (<dir>/<owner>+<name>/repo, bare git
//                            directories); default: the `.mirror` folder beside this project's folder
//              TREES=dir     where the trees are written; default: <tmpdir>/mcp-cors-corpus-trees
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './corpus.mjs';

export const mirrors = path.resolve(process.env.MIRRORS ?? path.join(root, '..', '.mirror'));
export const trees = path.resolve(process.env.TREES ?? path.join(os.tmpdir(), 'mcp-cors-corpus-trees'));

/**
 * Five servers that speak MCP over HTTP, chosen for different frameworks, layouts and sizes, so
 * that the module graph is exercised the ways projects use it: one module in a small package,
 * relative imports across a mid-sized one, and workspace packages importing each other by name in
 * two monorepos. Commits are the labelled commits of the development corpus.
 *
 * - mongodb-js/mongodb-mcp-server: MongoDB's official server. Express, a large npm-workspaces
 *   monorepo (cli, core, transports, tools packages) whose packages import each other by name.
 * - getsentry/sentry-mcp: Sentry's hosted server. Hono on Cloudflare Workers, a pnpm monorepo
 *   with a large shared core package and big generated API-client modules.
 * - platformatic/mcp: an MCP server plugin for Fastify; one mid-sized TypeScript package.
 * - Flux159/mcp-server-kubernetes: a Kubernetes server over Express (Streamable HTTP and SSE);
 *   one package, many small tool modules.
 * - punkpeye/mcp-proxy: an HTTP front for stdio servers on bare `node:http`; a small package with
 *   one large server module.
 *
 * @type {readonly { repo: string, commit: string, framework: string, why: string }[]}
 */
export const PROJECTS = Object.freeze([
  {
    repo: 'mongodb-js/mongodb-mcp-server',
    commit: '36a405e33817577f0c5a34d6d9479c0285fac5e4',
    framework: 'Express',
    why: 'large npm-workspaces monorepo',
  },
  {
    repo: 'getsentry/sentry-mcp',
    commit: '4a109327ef3cc3b20b36ac18edbce68d37010565',
    framework: 'Hono (Cloudflare Workers)',
    why: 'large pnpm monorepo',
  },
  {
    repo: 'platformatic/mcp',
    commit: '75937d3c28ef79bcd2ed2edb53ab9cba75f5a3cc',
    framework: 'Fastify',
    why: 'mid-sized package',
  },
  {
    repo: 'Flux159/mcp-server-kubernetes',
    commit: '1ece64e6a9a52b62c9d1ac39e38331a357f89666',
    framework: 'Express',
    why: 'mid-sized package of small modules',
  },
  {
    repo: 'punkpeye/mcp-proxy',
    commit: 'be4267324b77cbe2300e7b9706c68debfcc573fb',
    framework: 'node:http',
    why: 'small package',
  },
]);

/** What the trees hold: source and JSON files (package.json, tsconfig.json), as the scorer writes them. */
const CHECKED_OUT = /\.(?:[cm]?[jt]sx?|json)$/u;
/** A snapshot may lack its largest blobs; nothing a server's code lives in is this big. */
const MAX_CHECKED_OUT_BYTES = 2_000_000;

const mirrorOf = (repo) => repo.replace('/', '+');

/**
 * The project's tree at its commit: from the cache when a complete copy is there, else written from
 * the snapshot in one `git cat-file --batch`. Returns `{ dir }`, or `{ missing }` saying what is absent.
 * @param {{ repo: string, commit: string }} project
 * @returns {{ dir: string } | { missing: string }}
 */
export function checkout(project) {
  const gitDir = path.join(mirrors, mirrorOf(project.repo), 'repo');
  const dir = path.join(trees, mirrorOf(project.repo), project.commit);
  if (fs.existsSync(path.join(dir, '.complete'))) return { dir };
  if (!fs.existsSync(gitDir)) return { missing: `no snapshot of ${project.repo} at ${gitDir}` };
  let listing;
  try {
    listing = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-l', project.commit], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return { missing: `the snapshot of ${project.repo} at ${gitDir} lacks commit ${project.commit}` };
  }
  const entries = listing
    .split('\n')
    .map((line) => /^\d+ blob ([0-9a-f]+) +(\d+)\t(.*)$/u.exec(line))
    .filter(
      (match) =>
        match &&
        CHECKED_OUT.test(match[3]) &&
        Number(match[2]) < MAX_CHECKED_OUT_BYTES &&
        !match[3].includes('node_modules/'),
    );
  const out = execFileSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], {
    input: `${entries.map((match) => match[1]).join('\n')}\n`,
    maxBuffer: 1 << 30,
  });
  let at = 0;
  for (const match of entries) {
    const newline = out.indexOf(10, at);
    const header = out.subarray(at, newline).toString();
    at = newline + 1;
    // `<sha> missing`: a blob the snapshot does not hold; no content follows.
    if (!header.includes(' blob ')) continue;
    const size = Number(header.split(' ')[2]);
    const file = path.join(dir, match[3]);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, out.subarray(at, at + size));
    at += size + 1;
  }
  fs.writeFileSync(path.join(dir, '.complete'), '');
  return { dir };
}

/** The files a project's lint covers: its JavaScript and TypeScript sources. */
export const LINTED_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'];
/**
 * Not linted: installed packages, build output, declaration files and minified bundles, as a
 * project's own ESLint config would leave them out. (None of the five commits any of these folders;
 * the list is there so that another pick is linted the same way.)
 */
export const PROJECT_IGNORES = [
  '**/node_modules/',
  '**/dist/',
  '**/build/',
  '**/out/',
  '**/coverage/',
  '**/.next/',
  '**/.turbo/',
  '**/.wrangler/',
  '**/.output/',
  '**/*.d.ts',
  '**/*.d.mts',
  '**/*.d.cts',
  '**/*.min.js',
];
