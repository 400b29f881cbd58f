// The benchmark and never-crash corpus: every .js, .mjs, .cjs and .ts file (not .d.ts, not
// .min.js) of a fixed list of packages that `npm ci` installs into node_modules. Nothing is
// copied into the repo; the list below and the lockfile pin the corpus, and `npm run bench`
// prints its size so that anyone can check they lint the same code.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const nodeModules = path.join(root, 'node_modules');

/**
 * Real code of the kinds this plugin reads: the MCP SDKs and what they are built on, the HTTP
 * frameworks, their CORS middlewares and the packages they are made of, typescript-eslint and
 * ESLint, the validators MCP servers use, and a test runner and bundler for bulk. TypeScript's
 * own compiler is left out on purpose: its two bundles of 6 and 9 MB would be half the bytes and
 * say little about ordinary files. Kept sorted.
 */
export const CORPUS_PACKAGES = Object.freeze([
  '@eslint/config-array',
  '@eslint/eslintrc',
  '@eslint/js',
  '@eslint/object-schema',
  '@eslint/plugin-kit',
  '@fastify/ajv-compiler',
  '@fastify/cors',
  '@fastify/deepmerge',
  '@fastify/error',
  '@fastify/fast-json-stringify-compiler',
  '@fastify/forwarded',
  '@fastify/merge-json-schemas',
  '@fastify/proxy-addr',
  '@hono/node-server',
  '@koa/cors',
  '@modelcontextprotocol/core',
  '@modelcontextprotocol/express',
  '@modelcontextprotocol/hono',
  '@modelcontextprotocol/node',
  '@modelcontextprotocol/sdk',
  '@modelcontextprotocol/server',
  '@sinclair/typebox',
  '@typescript-eslint/parser',
  '@typescript-eslint/project-service',
  '@typescript-eslint/rule-tester',
  '@typescript-eslint/scope-manager',
  '@typescript-eslint/tsconfig-utils',
  '@typescript-eslint/types',
  '@typescript-eslint/typescript-estree',
  '@typescript-eslint/utils',
  '@typescript-eslint/visitor-keys',
  '@vitest/expect',
  '@vitest/mocker',
  '@vitest/runner',
  '@vitest/snapshot',
  '@vitest/spy',
  '@vitest/utils',
  'accepts',
  'ajv',
  'ajv-formats',
  'avvio',
  'body-parser',
  'content-disposition',
  'cookie',
  'cookies',
  'cors',
  'delegates',
  'eslint',
  'eslint-plugin-eslint-plugin',
  'eslint-plugin-sonarjs',
  'espree',
  'esquery',
  'etag',
  'eventsource',
  'eventsource-parser',
  'express',
  'express-rate-limit',
  'fast-json-stringify',
  'fastify',
  'finalhandler',
  'find-my-way',
  'fresh',
  'hono',
  'http-assert',
  'http-errors',
  'jose',
  'js-yaml',
  'koa',
  'koa-compose',
  'light-my-request',
  'mime-types',
  'negotiator',
  'on-finished',
  'path-to-regexp',
  'pino',
  'pkce-challenge',
  'qs',
  'raw-body',
  'router',
  'send',
  'serve-static',
  'statuses',
  'type-is',
  'vary',
  'vite',
  'vitest',
  'yaml',
  'zod',
]);

const EXTENSIONS = /\.(?:js|mjs|cjs|ts)$/u;
const EXCLUDED = /\.d\.ts$|\.min\.js$/u;

/**
 * How Node would load a file: `.mjs` and `.ts` as modules, `.cjs` as CommonJS, and `.js` by the
 * `type` of the nearest package.json (packages ship ESM builds under a nested
 * `{ "type": "module" }`).
 * @param {string} file absolute path
 * @param {Map<string, 'module' | 'commonjs'>} cache the type that applies in each folder seen
 * @returns {'module' | 'commonjs'}
 */
function sourceTypeOf(file, cache) {
  if (file.endsWith('.mjs') || file.endsWith('.ts')) return 'module';
  if (file.endsWith('.cjs')) return 'commonjs';
  const visited = [];
  let type = 'commonjs';
  for (let dir = path.dirname(file); dir.startsWith(nodeModules); dir = path.dirname(dir)) {
    const known = cache.get(dir);
    if (known) {
      type = known;
      break;
    }
    visited.push(dir);
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      type = readType(manifest);
      break;
    }
  }
  for (const dir of visited) cache.set(dir, type);
  return type;
}

/** @returns {'module' | 'commonjs'} */
function readType(manifest) {
  try {
    return JSON.parse(fs.readFileSync(manifest, 'utf8')).type === 'module' ? 'module' : 'commonjs';
  } catch {
    // A fixture's broken package.json: Node would refuse it, so its default is as good as any.
    return 'commonjs';
  }
}

/**
 * @typedef {object} CorpusFile
 * @property {string} path absolute path in node_modules
 * @property {string} name `<package>/<path in the package>`: stable across machines
 * @property {string} packageName
 * @property {number} bytes
 * @property {'module' | 'commonjs'} sourceType
 */

/**
 * Every file of the corpus, sorted by package and path (plain code-unit order, so the same on
 * every machine). Throws when a package of the list is not installed: a smaller corpus would
 * quietly change every number.
 * @returns {CorpusFile[]}
 */
export function corpusFiles() {
  const cache = new Map();
  const files = [];
  for (const packageName of CORPUS_PACKAGES) {
    const dir = path.join(nodeModules, packageName);
    if (!fs.existsSync(path.join(dir, 'package.json'))) {
      throw new Error(`corpus package ${packageName} is not installed in ${nodeModules}; run npm ci`);
    }
    const found = [];
    const walk = (current) => {
      for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
        // A package's own node_modules holds other packages, and symlinks could loop or leave the package.
        if (entry.name === 'node_modules' || entry.isSymbolicLink()) continue;
        const full = path.join(current, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.isFile() && EXTENSIONS.test(entry.name) && !EXCLUDED.test(entry.name)) found.push(full);
      }
    };
    walk(dir);
    for (const file of found) {
      files.push({
        path: file,
        name: `${packageName}/${path.relative(dir, file).split(path.sep).join('/')}`,
        packageName,
        bytes: fs.statSync(file).size,
        sourceType: sourceTypeOf(file, cache),
      });
    }
  }
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * What the corpus is, in numbers anyone can reproduce.
 * @param {CorpusFile[]} files
 */
export function corpusSummary(files) {
  const bytes = files.reduce((sum, file) => sum + file.bytes, 0);
  const byExtension = {};
  for (const file of files) {
    const extension = path.extname(file.path);
    byExtension[extension] = (byExtension[extension] ?? 0) + 1;
  }
  return {
    packages: CORPUS_PACKAGES.length,
    files: files.length,
    bytes,
    megabytes: bytes / 1e6,
    byExtension,
    modules: files.filter((file) => file.sourceType === 'module').length,
    commonjs: files.filter((file) => file.sourceType === 'commonjs').length,
  };
}

/**
 * Where a corpus file is linted from: a path outside node_modules (which ESLint ignores by
 * default) that keeps the file's package, folders and extension, under a folder named for the
 * source type that `languageConfig` gives it.
 * @param {CorpusFile} file
 */
export function lintPath(file) {
  return path.join(root, '.corpus', file.sourceType, ...file.name.split('/'));
}

/**
 * The flat config that parses the corpus: every file through `parser` (@typescript-eslint/parser,
 * or a wrapper of it), as ESM or CommonJS by its `lintPath`. Inline configuration is off: 46
 * corpus files turn core rules on in comments (`/* eslint no-shadow: 2 *\/`), and a run must
 * run exactly the rules it is given.
 * @param {object} parser
 */
export function languageConfig(parser) {
  return [
    {
      files: ['.corpus/module/**/*.{js,mjs,cjs,ts}'],
      languageOptions: { parser, sourceType: 'module', ecmaVersion: 'latest' },
    },
    {
      files: ['.corpus/commonjs/**/*.{js,mjs,cjs,ts}'],
      languageOptions: { parser, sourceType: 'commonjs', ecmaVersion: 'latest' },
    },
    {
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
    },
  ];
}
