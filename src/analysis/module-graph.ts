import fs from 'node:fs';
import path from 'node:path';
import { builtinModules, createRequire } from 'node:module';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { analyze } from '@typescript-eslint/scope-manager';
import { childAt } from './ast';
import { registerModule, visitorKeys } from './program';

/**
 * The other modules of a project, read from disk when a value or a check leads into one: relative
 * imports, `package.json` `imports` (`#alias`), `tsconfig` `paths`, and the packages of the same
 * workspace by their `name`. Packages installed in `node_modules` are not read: the framework
 * adapters know them by name.
 *
 * Parsed modules are cached for the whole process, keyed by path and checked against the file's
 * size and modification time once per linted file, so that an editor sees edits to the other
 * file. Everything is bounded: file size, modules per linted file, cache size; a module that
 * cannot be read or parsed is simply absent, and the value that led there is unknown.
 */

/** Larger files are generated bundles or data: nothing a server's configuration lives in. */
const MAX_FILE_BYTES = 1_000_000;
/** Modules read for one linted file. */
const MAX_LOADS_PER_FILE = 200;
/** Parsed modules kept between files (least recently used go first). */
const MAX_CACHED_MODULES = 2000;
/** Resolutions kept between files. */
const MAX_CACHED_RESOLUTIONS = 20_000;

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** TypeScript's mapping of an emitted extension to its source, as `moduleResolution: node16` does. */
const EMITTED_TO_SOURCE: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

interface CachedModule {
  readonly program: TSESTree.Program;
  readonly size: number;
  readonly mtimeMs: number;
  readonly bytes: number;
}

interface Stats {
  /** Most modules held at once in this process. */
  peakModules: number;
  /** Most bytes of source held at once. */
  peakBytes: number;
  loads: number;
  parseFailures: number;
}

const cache = new Map<string, CachedModule | null>();
let cachedBytes = 0;
const resolutions = new Map<string, string | null>();
const stats: Stats = { peakModules: 0, peakBytes: 0, loads: 0, parseFailures: 0 };

/** What the module graph has held, for the benchmark's report. */
export function moduleGraphStats(): Readonly<Stats> & { modules: number; bytes: number } {
  return { ...stats, modules: cache.size, bytes: cachedBytes };
}

/** Empties the caches (tests). */
export function clearModuleGraph(): void {
  cache.clear();
  cachedBytes = 0;
  forgetResolutions();
}

/** How long what specifiers resolve to is trusted before the disk is asked again. */
const RESOLUTION_TTL_MS = 5000;
let resolvedAt = Date.now();

/**
 * Forgets what specifiers resolved to, and the `package.json` and `tsconfig.json` files read
 * for that, once they are a few seconds old: in an editor or `eslint_d`, which run for hours,
 * a module created after an import failed, or a changed `paths` alias, is then seen. (Modules
 * themselves are checked against the disk for every linted file.)
 */
export function expireResolutions(now = Date.now()): void {
  if (now - resolvedAt < RESOLUTION_TTL_MS) return;
  forgetResolutions();
  resolvedAt = now;
}

function forgetResolutions(): void {
  lastLinted = null;
  resolutions.clear();
  lexicalModules.clear();
  moduleTexts.clear();
  reaching.clear();
  reachingPackages.clear();
  importsMatching.clear();
  typesReaching.clear();
  linksByFile.clear();
  folders.clear();
  links.clear();
  exportsReaching.clear();
  manifests.clear();
  workerPackages.clear();
  packageFiles.clear();
  neverSaid.clear();
  importers.clear();
  computedLoads.clear();
  ownSpecifiers.clear();
  tsconfigs.clear();
  workspaces.clear();
  denoConfigs.clear();
  supabaseConfigs.clear();
}

/**
 * The work done for one linted file: which cached modules were checked against the disk, and how
 * many were read. Created when the linted file's analysis starts.
 */
export class LintSession {
  private readonly checked = new Set<string>();
  private loads = 0;

  /** The Program of a module on disk, or `null` when it cannot be read, is too large, or the budget is spent. */
  load(file: string): TSESTree.Program | null {
    const cached = cache.get(file);
    if (cached !== undefined && this.checked.has(file)) return touch(file, cached)?.program ?? null;
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(file, { throwIfNoEntry: false });
    } catch {
      stat = undefined;
    }
    this.checked.add(file);
    if (!stat?.isFile() || stat.size > MAX_FILE_BYTES) {
      remember(file, null);
      return null;
    }
    if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) return touch(file, cached)!.program;
    if (this.loads >= MAX_LOADS_PER_FILE) return null;
    this.loads++;
    const program = parseModule(file);
    remember(file, program && { program, size: stat.size, mtimeMs: stat.mtimeMs, bytes: stat.size });
    return program;
  }
}

function touch(file: string, entry: CachedModule | null): CachedModule | null {
  cache.delete(file);
  cache.set(file, entry);
  return entry;
}

function remember(file: string, entry: CachedModule | null): void {
  const previous = cache.get(file);
  if (previous) cachedBytes -= previous.bytes;
  cache.delete(file);
  cache.set(file, entry);
  if (entry) cachedBytes += entry.bytes;
  while (cache.size > MAX_CACHED_MODULES) {
    const [oldest, value] = cache.entries().next().value as [string, CachedModule | null];
    if (value) cachedBytes -= value.bytes;
    cache.delete(oldest);
  }
  stats.peakModules = Math.max(stats.peakModules, cache.size);
  stats.peakBytes = Math.max(stats.peakBytes, cachedBytes);
}

type Parse = (text: string, file: string) => TSESTree.Program;
let parser: Parse | null | undefined;

/**
 * typescript-estree when TypeScript is installed (it parses JavaScript too), else ESLint's own
 * parser, espree, for a project of plain JavaScript; TypeScript modules are then unreadable.
 */
function getParser(): Parse | null {
  if (parser !== undefined) return parser;
  try {
    const { parse } =
      require('@typescript-eslint/typescript-estree') as typeof import('@typescript-eslint/typescript-estree');
    parser = (text, file) =>
      parse(text, {
        range: true,
        loc: true,
        jsx: /\.[jt]sx$/u.test(file) || /\.[cm]?js$/u.test(file),
        comment: false,
        tokens: false,
        loggerFn: false,
        errorOnUnknownASTType: false,
        filePath: file,
      });
  } catch {
    try {
      const fromEslint = createRequire(require.resolve('eslint'));
      const espree = fromEslint('espree') as {
        parse(text: string, options: object): TSESTree.Program;
      };
      parser = (text, file) => {
        if (/\.[cm]?tsx?$/u.test(file)) throw new Error('TypeScript is not installed');
        return espree.parse(text, { ecmaVersion: 'latest', sourceType: 'module', range: true, loc: true });
      };
    } catch {
      parser = null;
    }
  }
  return parser;
}

let SourceCodeClass: (new (config: object) => SourceCode) | undefined;

function parseModule(file: string): TSESTree.Program | null {
  stats.loads++;
  const parse = getParser();
  if (!parse) return null;
  try {
    const text = fs.readFileSync(file, 'utf8');
    const ast = parse(text, file) as TSESTree.Program & { tokens?: unknown[]; comments?: unknown[] };
    ast.tokens ??= [];
    ast.comments ??= [];
    setParents(ast);
    const commonjs = /\.c[jt]s$/u.test(file) || !ast.body.some(isModuleSyntax);
    const scopeManager = analyze(ast, {
      sourceType: commonjs ? 'script' : 'module',
      globalReturn: commonjs,
      lib: ['esnext'],
    });
    SourceCodeClass ??= (require('eslint') as { SourceCode: new (config: object) => SourceCode }).SourceCode;
    const code = new SourceCodeClass({ text, ast, scopeManager, visitorKeys });
    registerModule({ code, file, linted: false });
    return ast;
  } catch {
    stats.parseFailures++;
    return null;
  }
}

function isModuleSyntax(statement: TSESTree.ProgramStatement): boolean {
  return (
    statement.type === AST_NODE_TYPES.ImportDeclaration ||
    statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
    statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
    statement.type === AST_NODE_TYPES.ExportAllDeclaration
  );
}

function setParents(root: TSESTree.Node): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key of visitorKeys[node.type] ?? []) {
      const child = childAt(node, key);
      const children = Array.isArray(child) ? child : [child];
      for (const item of children) {
        if (item && typeof item.type === 'string') {
          (item as { parent: TSESTree.Node }).parent = node;
          stack.push(item);
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// A first look at modules, by their text
// ---------------------------------------------------------------------------------------------

/**
 * Every specifier a module's text imports, re-exports or requires: `from '…'`, `import '…'`,
 * `import('…')`, `require('…')`.
 */
const SPECIFIER = /(?:\bfrom|\bimport|\brequire\s*\()\s*(?:\(\s*)?(['"])([^'"\r\n]+)\1/gu;
/** `import type … from '…'` and `export type … from '…'`: they bring no value, so they lead nowhere. */
const TYPE_ONLY = /\b(?:import|export)\s+type\s+(?:\{[^{}]*\}|\*\s+as\s+[\w$]+|[\w$]+)\s+from\s*(['"])[^'"\r\n]+\1/gu;
/** How many modules one look follows before it gives up and answers yes. */
const MAX_LOOKED_AT = 2000;

/** What a module's text says it takes from other modules, read without parsing it. */
export interface ModuleSpecifiers {
  /** Every specifier of a value import, re-export or `require()`, as written. */
  readonly specifiers: readonly string[];
  /** The files of the project those specifiers resolve to. */
  readonly imports: readonly string[];
}

interface LexicalModule extends ModuleSpecifiers {
  readonly text: string;
}

/** Texts and import lists, forgotten with the resolutions (a few seconds). */
const lexicalModules = new Map<string, LexicalModule | null>();
/** What `reachesModule` answered, per set of packages, forgotten with the resolutions. */
const reaching = new Map<ReadonlySet<string>, Map<string, boolean>>();
/** What `reachesPackage` answered, per set of package names, forgotten with the resolutions. */
const reachingPackages = new Map<ReadonlySet<string>, Map<RegExp | null, Map<string, boolean>>>();

function lexicalModule(file: string): LexicalModule | null {
  const known = lexicalModules.get(file);
  if (known !== undefined) return known;
  const text = moduleText(file);
  const found = text === null ? null : { text, ...moduleSpecifiers(file, text) };
  lexicalModules.set(file, found);
  return found;
}

/** What `importsModuleMatching` answered, per test, forgotten with the resolutions. */
const importsMatching = new Map<(text: string) => boolean, Map<string, boolean>>();

/** What a test said of a module's text: asked once per module, not once per file that imports it. */
const testedTexts = new WeakMap<LexicalModule, Map<(text: string) => boolean, boolean>>();

function passes(module: LexicalModule, test: (text: string) => boolean): boolean {
  let answers = testedTexts.get(module);
  if (!answers) testedTexts.set(module, (answers = new Map()));
  let answer = answers.get(test);
  if (answer === undefined) answers.set(test, (answer = test(module.text)));
  return answer;
}

/**
 * Whether a module of the project that `file` imports (`text` is the file's own), or one such a
 * module imports in turn (an `index` that re-exports), has a text that passes `test`: a constant
 * the file uses may be written there (`import { corsHeaders } from './config'`).
 */
export function importsModuleMatching(file: string | null, text: string, test: (text: string) => boolean): boolean {
  if (file === null) return false;
  let answers = importsMatching.get(test);
  if (!answers) importsMatching.set(test, (answers = new Map()));
  // By what the file imports now: an editor's text changes between lints.
  let frontier = lintedSpecifiers(file, text).imports;
  const key = `${file}\n${frontier.join('\n')}`;
  const known = answers.get(key);
  if (known !== undefined) return known;
  let found = false;
  const seen = new Set<string>([file]);
  for (let depth = 0; depth < 2 && !found && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const imported of frontier) {
      if (seen.has(imported)) continue;
      seen.add(imported);
      const module = lexicalModule(imported);
      if (!module) continue;
      if (passes(module, test)) {
        found = true;
        break;
      }
      next.push(...module.imports);
    }
    frontier = next;
  }
  answers.set(key, found);
  return found;
}

/** The linted file's specifiers, read once for the rules that ask (the text is the one being linted). */
let lastLinted: { readonly file: string; readonly text: string; readonly specifiers: ModuleSpecifiers } | null = null;

function lintedSpecifiers(file: string, text: string): ModuleSpecifiers {
  if (lastLinted?.file !== file || lastLinted.text !== text)
    lastLinted = { file, text, specifiers: moduleSpecifiers(file, text) };
  return lastLinted.specifiers;
}

/** Module texts, read once and forgotten with the resolutions; `null` for what cannot be read or is too large. */
const moduleTexts = new Map<string, string | null>();

function moduleText(file: string): string | null {
  const known = moduleTexts.get(file);
  if (known !== undefined) return known;
  let text: string | null = null;
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isFile() && stat.size <= MAX_FILE_BYTES) text = fs.readFileSync(file, 'utf8');
  } catch {
    text = null;
  }
  moduleTexts.set(file, text);
  return text;
}

/**
 * The specifiers a module's text takes values from, and the files of the project they resolve
 * to. Read lexically: a specifier in a comment or a string is read too, which only makes a look
 * follow more.
 */
export function moduleSpecifiers(file: string | null, text: string): ModuleSpecifiers {
  const values = text.replace(TYPE_ONLY, '');
  const specifiers = new Set<string>();
  const imports = new Set<string>();
  for (const match of values.matchAll(SPECIFIER)) {
    const specifier = match[2]!;
    if (specifiers.has(specifier)) continue;
    specifiers.add(specifier);
    const resolved = file === null ? null : resolveSpecifier(file, specifier);
    if (resolved) imports.add(resolved);
  }
  return { specifiers: [...specifiers], imports: [...imports] };
}

/** Whether a specifier names one of these packages (`node:http` is `http`, `npm:hono@4/cors` is `hono/cors`). */
function namesPackage(specifier: string, packages: ReadonlySet<string>): boolean {
  const bare = bareSpecifier(specifier);
  return packages.has(bare) || (bare.startsWith('node:') && packages.has(bare.slice(5)));
}

/** JSR packages that publish an npm package's modules under another name. */
export const JSR_NAMES: Readonly<Record<string, string>> = { '@hono/hono': 'hono' };

/**
 * A Deno `npm:` or `jsr:` specifier as the bare specifier Node resolves to the same module, without
 * its version: `npm:@modelcontextprotocol/sdk@1.25/server/mcp.js` is
 * `@modelcontextprotocol/sdk/server/mcp.js`, `jsr:@hono/hono@4/cors` is `hono/cors`; a module of
 * Deno's standard library by URL as its JSR name. Any other specifier as it is.
 */
export function bareSpecifier(specifier: string): string {
  // Deno's standard library by URL: `https://deno.land/std@0.220.1/http/server.ts` is `@std/http/server`.
  const std = /^https:\/\/deno\.land\/std(?:@[^/]*)?\/([^/]+)\/(.+?)\.ts$/u.exec(specifier);
  if (std) return std[2] === 'mod' ? `@std/${std[1]}` : `@std/${std[1]}/${std[2]}`;
  const match = /^(npm|jsr):(@[^/@]+\/[^/@]+|[^/@]+)(?:@[^/]*)?(\/.*)?$/u.exec(specifier);
  if (!match) return withSdkExtension(specifier);
  const name = (match[1] === 'jsr' ? JSR_NAMES[match[2]!] : undefined) ?? match[2]!;
  return withSdkExtension(`${name}${match[3] ?? ''}`);
}

/**
 * The MCP SDK v1 maps `./*` to its files for types (`./dist/esm/*.d.ts`), so TypeScript takes
 * `@modelcontextprotocol/sdk/server/streamableHttp` for `…/streamableHttp.js`, and bundlers
 * that try extensions do too: a subpath with no extension names the `.js` module, unless the
 * package exports it by name (`…/server`, `…/client`).
 */
function withSdkExtension(specifier: string): string {
  const match = /^@modelcontextprotocol\/sdk\/(.+)$/u.exec(specifier);
  if (!match || /\.[cm]?js$/u.test(match[1]!) || SDK_NAMED_EXPORTS.has(match[1]!)) return specifier;
  return `${specifier}.js`;
}

/** The subpaths SDK v1's `exports` names one by one (1.32.2's package.json), which need no extension. */
const SDK_NAMED_EXPORTS: ReadonlySet<string> = new Set([
  'client',
  'server',
  'validation',
  'validation/ajv',
  'validation/cfworker',
  'experimental',
  'experimental/tasks',
]);

/**
 * Whether a module takes a value from one of these packages, by the specifiers its text holds, or
 * is one of their own modules (the SDK's own sources, imported by path).
 */
export function takesFromPackage(
  file: string | null,
  specifiers: readonly string[],
  packages: ReadonlySet<string>,
): boolean {
  return (
    specifiers.some((specifier) => namesPackage(specifier, packages)) ||
    (file !== null && packageSpecifiersOf(file).some((specifier) => packages.has(specifier)))
  );
}

/**
 * Whether a module of the project, or a module of the project it imports, re-exports or requires
 * (followed to any depth), takes a value from one of these packages, or is one of their own
 * modules: whether it can hand on anything of them. Read from the text, without parsing: a
 * module that cannot pass on such a thing is then never parsed to find that out. Answers yes when
 * unsure (too many modules); a module that cannot be read takes nothing.
 */
export function reachesModule(file: string, packages: ReadonlySet<string>): boolean {
  return reachedFrom(file, answersFor(reaching, packages), (next, module) =>
    takesFromPackage(next, module.specifiers, packages),
  );
}

/**
 * Whether a module of the project, or one it imports (to any depth), takes anything from one of
 * these packages, named by package (`@modelcontextprotocol/sdk` for any of its modules), or is one
 * of their own modules; not through the modules `except` matches (`@modelcontextprotocol/sdk/client/…`).
 * Read from the text like `reachesModule`; answers yes when unsure.
 */
export function reachesPackage(file: string, packageNames: ReadonlySet<string>, except?: RegExp): boolean {
  const counts = (specifier: string): boolean =>
    packageNames.has(packageNameOf(specifier)) && !(except?.test(specifier) ?? false);
  let byExcept = reachingPackages.get(packageNames);
  if (!byExcept) reachingPackages.set(packageNames, (byExcept = new Map()));
  let answers = byExcept.get(except ?? null);
  if (!answers) byExcept.set(except ?? null, (answers = new Map()));
  return reachedFrom(
    file,
    answers,
    (next, module) =>
      module.specifiers.some((specifier) => counts(bareSpecifier(specifier))) || packageSpecifiersOf(next).some(counts),
  );
}

/**
 * Whether a module of the project reaches these packages, but only through the modules `through`
 * matches (MCP's SDK only through its client modules).
 */
const reachingText = new Map<RegExp, Map<string, boolean>>();

/** Whether a module, or one it reaches through the project's imports, holds text that `pattern` matches. */
export function reachesText(file: string, pattern: RegExp): boolean {
  let answers = reachingText.get(pattern);
  if (!answers) reachingText.set(pattern, (answers = new Map()));
  return reachedFrom(file, answers, (next) => {
    const text = moduleText(next);
    return text !== null && pattern.test(text);
  });
}

export function reachesPackageOnlyThrough(file: string, packageNames: ReadonlySet<string>, through: RegExp): boolean {
  return reachesPackage(file, packageNames) && !reachesPackage(file, packageNames, through);
}

function answersFor(cache: Map<ReadonlySet<string>, Map<string, boolean>>, packages: ReadonlySet<string>) {
  let answers = cache.get(packages);
  if (!answers) {
    answers = new Map();
    cache.set(packages, answers);
  }
  return answers;
}

/**
 * Whether a module, or one its value imports reach (to any depth), passes `test`: answered yes
 * when unsure (too many modules); a module that cannot be read passes nothing. Every module on
 * the way is answered in `answers` when none passes.
 */
function reachedFrom(
  file: string,
  answers: Map<string, boolean>,
  test: (file: string, module: LexicalModule) => boolean,
): boolean {
  const known = answers.get(file);
  if (known !== undefined) return known;
  const seen = new Set<string>([file]);
  const queue = [file];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const answer = answers.get(next);
    const module = answer === false ? null : lexicalModule(next);
    if (answer === true || (module && test(next, module))) {
      answers.set(file, true);
      return true;
    }
    for (const imported of module?.imports ?? []) {
      if (seen.has(imported)) continue;
      if (seen.size >= MAX_LOOKED_AT) {
        answers.set(file, true);
        return true;
      }
      seen.add(imported);
      queue.push(imported);
    }
  }
  // Nothing the module reaches passes: the same holds for each module on the way.
  for (const module of seen) answers.set(module, false);
  return false;
}

/** What `typesReachModule` answered, per set of packages, forgotten with the resolutions. */
const typesReaching = new Map<ReadonlySet<string>, Map<string, boolean>>();

/**
 * Whether a module, or a module its values come from (to any depth), takes a type from one of
 * these packages (`import type { Express } from 'express'`): a base class whose field is typed as
 * an app, say, that its subclasses are then handed. Read from the text like `reachesModule`;
 * answers yes when unsure.
 */
export function typesReachModule(file: string, packages: ReadonlySet<string>): boolean {
  return reachedFrom(file, answersFor(typesReaching, packages), (_, module) =>
    takesTypeFromPackage(module.text, packages),
  );
}

/** Whether a text's type-only imports name one of these packages. */
function takesTypeFromPackage(text: string, packages: ReadonlySet<string>): boolean {
  for (const match of text.matchAll(TYPE_ONLY)) {
    const specifier = /(['"])([^'"\r\n]+)\1$/u.exec(match[0])?.[2];
    if (specifier !== undefined && namesPackage(specifier, packages)) return true;
  }
  return false;
}

/** What a module's text imports and re-exports, read without parsing it. */
interface ModuleLinks {
  /**
   * `export { a, b as c } from '…'`, `export * as ns from '…'`: the exported name → where from and
   * under which name (`*`: the whole module).
   */
  readonly named: ReadonlyMap<string, { readonly specifier: string; readonly imported: string }>;
  /** `export * from '…'`. */
  readonly stars: readonly string[];
  /**
   * The text without its re-export statements: a name it still holds is the module's own (or
   * imported and exported apart).
   */
  readonly rest: string;
  /**
   * What that text imports, by specifier: the names (`default`, `*` for a namespace) or `null` for
   * the module whole.
   */
  readonly takes: ReadonlyMap<string, ReadonlySet<string> | null>;
  /** Exports made with CommonJS (`module.exports`, `exports.x =`, `require`): names are not followed through it. */
  readonly commonJs: boolean;
}

/**
 * A re-export statement: `export * from '…'` (group 1 empty), `export * as ns from '…'` (group 1
 * the namespace), `export { a, b as c } from '…'` (group 3 the list; group 2 set for `export type`).
 */
const REEXPORT =
  /\bexport\s*(?:\*\s*(?:as\s+([\w$]+)\s*)?|(type\s*)?\{([^{}]*)\}\s*)from\s*(['"])([^'"\r\n]+)\4\s*;?/gu;
/** `import a, { b, c as d } from '…'`, `import * as ns from '…'` (type-only ones are gone from the text read). */
// (Each run of spaces can be taken by one quantifier only: a text of `import a` and thousands of
// spaces must not make the engine try every way to split them.)
const STATIC_IMPORT =
  /\bimport\s+(?:([\w$]+)\s*(?:,\s*)?)?(?:(\{[^{}]*\}|\*\s*as\s+[\w$]+)\s*)?from\s*(['"])([^'"\r\n]+)\3/gu;
const COMMON_JS_EXPORTS = /\bmodule\.exports\b|\bexports\.[\w$]+\s*=|\brequire\s*\(|\bexport\s*=/u;

/** Imports and re-exports, forgotten with the resolutions. */
const linksByFile = new Map<string, ModuleLinks | null>();

function linksOf(file: string): ModuleLinks | null {
  const known = linksByFile.get(file);
  if (known !== undefined) return known;
  const text = lexicalModule(file)?.text;
  let found: ModuleLinks | null = null;
  if (text !== undefined) {
    const named = new Map<string, { specifier: string; imported: string }>();
    const stars: string[] = [];
    let rest = text;
    if (text.includes('export')) {
      const parts: string[] = [];
      let last = 0;
      for (const match of text.matchAll(REEXPORT)) {
        const [statement, namespace, typeOnly, list, , specifier] = match;
        parts.push(text.slice(last, match.index));
        last = match.index + statement.length;
        if (list !== undefined) {
          // `export type { … } from`: types only.
          if (!typeOnly)
            for (const [imported, exported] of listedNames(list))
              named.set(exported, { specifier: specifier!, imported });
        } else if (namespace !== undefined) named.set(namespace, { specifier: specifier!, imported: '*' });
        else stars.push(specifier!);
      }
      if (last > 0) rest = parts.join('') + text.slice(last);
    }
    found = { named, stars, rest, takes: importedNames(rest), commonJs: COMMON_JS_EXPORTS.test(text) };
  }
  linksByFile.set(file, found);
  return found;
}

/** The names of `{ a, b as c, type d }`, as [imported, local] pairs; the type-only ones left out. */
function listedNames(list: string): [string, string][] {
  const names: [string, string][] = [];
  for (const item of list.replace(/\/\*[^]*?\*\/|\/\/[^\n]*/gu, ' ').split(',')) {
    const parts = item.trim().split(/\s+/u);
    if (parts[0] === 'type' || parts[0] === '') continue;
    names.push([parts[0]!, parts[1] === 'as' && parts[2] ? parts[2] : parts[0]!]);
  }
  return names;
}

/** What a module takes from each specifier: the names it imports, or `null` for the module whole. */
export type TakenNames = Map<string, Set<string> | null>;

/** Notes that a module takes a name (`null`: the module whole, which covers every name) from a specifier. */
export function addTaken(takes: TakenNames, specifier: string, name: string | null): void {
  const known = takes.get(specifier);
  if (known === null) return;
  if (name === null) takes.set(specifier, null);
  else if (known) known.add(name);
  else takes.set(specifier, new Set([name]));
}

/** What a text imports from each specifier: the names, or `null` for the module whole. */
function importedNames(text: string): TakenNames {
  const takes: TakenNames = new Map();
  const add = (specifier: string, name: string | null): void => addTaken(takes, specifier, name);
  const values = text.replace(TYPE_ONLY, '');
  for (const match of values.matchAll(STATIC_IMPORT)) {
    const [, first, rest, , specifier] = match;
    if (first === undefined && rest === undefined) continue;
    if (first !== undefined) add(specifier!, first === 'type' ? null : 'default');
    if (rest?.startsWith('*')) add(specifier!, '*');
    else if (rest !== undefined) for (const [imported] of listedNames(rest.slice(1, -1))) add(specifier!, imported);
  }
  // `require('…')`, `import('…')`, `import '…'`: the module whole, also beside a static import of
  // it; a `from '…'` the patterns above could not read, too.
  for (const match of values.matchAll(SPECIFIER)) {
    if (!match[0].startsWith('from') || !takes.has(match[2]!)) add(match[2]!, null);
  }
  return takes;
}

/** What `exportReaches` answered, per set of packages, forgotten with the resolutions. */
const exportsReaching = new Map<ReadonlySet<string>, Map<string, boolean>>();

/**
 * Whether what a module exports under a name can come from one of these packages: the name
 * followed through the re-exports of barrels (`export * from './server'`, `export { a as b } from
 * './x'`) to the module that declares it, and from there along what that module's own code
 * imports, name by name, to any depth. A workspace package whose index re-exports a server
 * factory beside a hundred other modules then leads only the importers of that factory to it.
 * A namespace (`*`) is the module whole; CommonJS modules, and what lies past too many modules,
 * are answered as `reachesModule` answers.
 */
export function exportReaches(file: string, name: string, packages: ReadonlySet<string>): boolean {
  let known = exportsReaching.get(packages);
  if (!known) {
    known = new Map();
    exportsReaching.set(packages, known);
  }
  const key = nameKey(file, name);
  const answer = known.get(key);
  if (answer !== undefined) return answer;
  new NameReach(packages, known).visit(key, file, name, 0);
  return known.get(key) ?? true;
}

/** A module of the project a file imports, and what it takes from it (`null`: the module whole). */
export interface ImportLink {
  readonly target: string;
  readonly names: ReadonlySet<string> | null;
}

/** Whether a file's imports, taken as named, reach one of these packages (`exportReaches` for each). */
export function importsReachPackage(links: readonly ImportLink[], packages: ReadonlySet<string>): boolean {
  for (const { target, names } of links) {
    // The module whole first: most lead nowhere near the packages, and that look is cheaper.
    if (!reachesModule(target, packages)) continue;
    if (names === null || [...names].some((name) => exportReaches(target, name, packages))) return true;
  }
  return false;
}

/** How many names one look follows, and how deep, before what lies further is answered as `reachesModule` answers. */
const MAX_NAMES_LOOKED_AT = 20000;
const MAX_NAME_DEPTH = 200;

const nameKey = (file: string, name: string): string => `${name}\0${file}`;

/**
 * One look through names: the names a name leads to form a graph with cycles (modules that import
 * each other), answered one strongly connected part at a time (Tarjan's algorithm), so that every
 * name looked at is answered once, and for good.
 */
class NameReach {
  private readonly index = new Map<string, number>();
  private readonly low = new Map<string, number>();
  private readonly value = new Map<string, boolean>();
  private readonly stack: string[] = [];
  private readonly onStack = new Set<string>();

  constructor(
    private readonly packages: ReadonlySet<string>,
    private readonly known: Map<string, boolean>,
  ) {}

  visit(key: string, file: string, name: string, depth: number): void {
    const order = this.index.size;
    this.index.set(key, order);
    this.low.set(key, order);
    this.stack.push(key);
    this.onStack.add(key);
    let value = false;
    if (order >= MAX_NAMES_LOOKED_AT || depth >= MAX_NAME_DEPTH) value = reachesModule(file, this.packages);
    else {
      for (const next of this.next(file, name)) {
        if (next === true) value = true;
        else {
          const [nextKey, nextFile, nextName] = next;
          const known = this.known.get(nextKey);
          if (known !== undefined) value = known;
          else if (!this.index.has(nextKey)) {
            this.visit(nextKey, nextFile, nextName, depth + 1);
            this.low.set(key, Math.min(this.low.get(key)!, this.low.get(nextKey)!));
            value = this.known.get(nextKey) ?? this.value.get(nextKey)!;
          } else if (this.onStack.has(nextKey)) {
            this.low.set(key, Math.min(this.low.get(key)!, this.index.get(nextKey)!));
          }
        }
        // Yes once is yes: what is left need not be looked at (a part cut short can only be
        // smaller, and its noes still hold).
        if (value) break;
      }
    }
    this.value.set(key, value);
    if (this.low.get(key) !== order) return;
    // The root of a strongly connected part: its names share one answer.
    const members: string[] = [];
    let answer = false;
    for (;;) {
      const member = this.stack.pop()!;
      this.onStack.delete(member);
      members.push(member);
      answer ||= this.value.get(member)!;
      if (member === key) break;
    }
    for (const member of members) this.known.set(member, answer);
  }

  /** Where a name leads: `true` for a package of the set, or a name of another module. */
  private *next(file: string, name: string): Generator<true | [string, string, string]> {
    const links = linksOf(file);
    if (!links) return;
    if (links.commonJs || takesFromPackage(file, [], this.packages)) {
      if (reachesModule(file, this.packages)) yield true;
      return;
    }
    const to = (specifier: string, imported: string): true | [string, string, string] | null => {
      if (namesPackage(specifier, this.packages)) return true;
      const target = resolveSpecifier(file, specifier);
      return target === null ? null : [nameKey(target, imported), target, imported];
    };
    const edges: (readonly [string, string])[] = [];
    const own = (): void => {
      for (const [specifier, names] of links.takes) {
        if (names === null) edges.push([specifier, '*']);
        else for (const imported of names) edges.push([specifier, imported]);
      }
    };
    if (name === '*') {
      own();
      for (const specifier of links.stars) edges.push([specifier, '*']);
      for (const link of links.named.values()) edges.push([link.specifier, link.imported]);
    } else {
      const named = links.named.get(name);
      if (named) edges.push([named.specifier, named.imported]);
      // Declared here: what the module's own code imports, not what it re-exports, is what it can use.
      else if (mentionsName(links.rest, name)) own();
      else for (const specifier of links.stars) edges.push([specifier, name]);
    }
    for (const [specifier, imported] of edges) {
      const next = to(specifier, imported);
      if (next !== null) yield next;
    }
  }
}

/** Whether a text holds a name as a whole word. */
function mentionsName(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    if (!isNameCharacter(text.charCodeAt(at - 1)) && !isNameCharacter(text.charCodeAt(at + name.length))) return true;
  }
  return false;
}

/** Whether a character code continues a name (`NaN` for the ends of the text: no). */
function isNameCharacter(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 36 ||
    code === 95
  );
}

/** A class that extends another: `class Notes extends McpAgent`, `class extends Base`. */
export const SUBCLASS_DECLARATION = /\bclass\s+(?:[\w$]+\s*)?(?:<[^;]{0,300}?>\s*)?extends\b/u;

/** Whether a module's text declares a class that extends another (`class Notes extends McpAgent`). */
export function declaresSubclass(file: string): boolean {
  const text = lexicalModule(file)?.text;
  return text !== undefined && SUBCLASS_DECLARATION.test(text);
}

/** How many imports deep `mayGiveClass` reads: barrels that re-export a class seldom go further. */
const MAX_CLASS_HOPS = 6;

/**
 * Whether a module could give a class to the module that imports it: its text, or the text of a
 * module it imports (a barrel that re-exports one), holds the word `class`. A module of types and
 * interfaces alone (an SDK's schema, a settings type) cannot, and need not be parsed to learn that
 * a type annotation naming one of its exports names no class. `true` when a text cannot be read:
 * the parse decides then.
 */
export function mayGiveClass(file: string): boolean {
  const seen = new Set<string>();
  let frontier = [file];
  for (let hop = 0; hop <= MAX_CLASS_HOPS && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const imported of frontier) {
      if (seen.has(imported)) continue;
      seen.add(imported);
      const module = lexicalModule(imported);
      if (!module || passes(module, holdsClassWord)) return true;
      next.push(...module.imports);
    }
    frontier = next;
  }
  return frontier.length > 0;
}

const holdsClassWord = (text: string): boolean => /\bclass\b/u.test(text);

/**
 * Whether a module's text declares an export of this name as a function or a class of its own,
 * at the start of a line: `export function name`, `export default async function name`, `export
 * class name`, `export const name = function`, `export const name = async (…) =>`, `export const
 * name = (…): T =>`. Such an export is the project's own code, never a package's: a lookup of
 * what a package provides need not parse the module to learn that. (A module may declare a name
 * once; a false match would need the text in a comment or a string at the start of a line.)
 */
export function declaresOwnFunction(file: string, name: string): boolean {
  const text = lexicalModule(file)?.text;
  if (text === undefined || !text.includes(name)) return false;
  const id = escapeRegExp(name);
  const parameters = String.raw`\((?:[^()]|\([^()]*\))*\)`;
  const declaration = new RegExp(
    String.raw`^export\s+(?:default\s+)?(?:(?:async\s+)?function\s*\*?\s*${id}\b|(?:abstract\s+)?class\s+${id}\b|` +
      String.raw`(?:const|let|var)\s+${id}\s*(?::[^=;]+)?=\s*(?:async\s*)?(?:function\b|${parameters}\s*(?::[^=;]+)?=>))`,
    'mu',
  );
  return declaration.test(text);
}

// ---------------------------------------------------------------------------------------------
// Resolution of specifiers to files
// ---------------------------------------------------------------------------------------------

/**
 * The file a specifier names from a module, when it is code of the project: a relative path, a
 * `#` import of the nearest `package.json`, a `tsconfig` path alias, or a package of the same
 * workspace. `null` for installed packages and for anything that does not resolve.
 */
export function resolveSpecifier(fromFile: string, specifier: string): string | null {
  const key = `${path.dirname(fromFile)}\0${specifier}`;
  const known = resolutions.get(key);
  if (known !== undefined) return known;
  let resolved: string | null = null;
  try {
    resolved = resolveUncached(fromFile, specifier);
  } catch {
    resolved = null;
  }
  if (resolutions.size >= MAX_CACHED_RESOLUTIONS) resolutions.clear();
  resolutions.set(key, resolved);
  return resolved;
}

function resolveUncached(fromFile: string, specifier: string): string | null {
  if (specifier.startsWith('node:') || specifier.length === 0) return null;
  const directory = path.dirname(fromFile);
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) return sourceFile(path.resolve(directory, specifier));
  if (specifier.startsWith('#')) {
    const manifest = nearestManifest(directory);
    const target = manifest && matchPatternMap(manifest.json.imports, specifier);
    if (target) return sourceFile(path.resolve(manifest.dir, target));
  }
  const aliased = resolveTsconfigPath(directory, specifier);
  if (aliased) return aliased;
  return resolveWorkspacePackage(directory, specifier);
}

/** The source file a path stands for: the file itself, its TypeScript source, or a directory's index. */
function sourceFile(candidate: string): string | null {
  const extension = path.extname(candidate);
  const sources = EMITTED_TO_SOURCE[extension];
  if (sources) {
    for (const source of sources) {
      const file = candidate.slice(0, -extension.length) + source;
      if (isFile(file)) return file;
    }
  }
  if (SOURCE_EXTENSIONS.includes(extension) && !candidate.endsWith('.d.ts') && isFile(candidate)) return candidate;
  for (const source of SOURCE_EXTENSIONS) {
    if (isFile(candidate + source)) return candidate + source;
  }
  if (isDirectory(candidate)) {
    for (const source of SOURCE_EXTENSIONS) {
      const index = path.join(candidate, `index${source}`);
      if (isFile(index)) return index;
    }
  }
  return null;
}

function isFile(file: string): boolean {
  return entryKind(file) === 'file';
}

function isDirectory(file: string): boolean {
  return entryKind(file) === 'directory';
}

type EntryKind = 'file' | 'directory' | 'other';

/** The file systems of macOS and Windows find a file by its name in any case (by default). */
const CASE_INSENSITIVE = process.platform === 'darwin' || process.platform === 'win32';

/** The entries of each folder looked in, read once and forgotten with the resolutions. */
const folders = new Map<string, ReadonlyMap<string, EntryKind> | null>();

/**
 * What a path is, from one listing of its folder: resolving a specifier tries a dozen names
 * (`.ts`, `.tsx`, `.js`, `index.ts`, …) in the same few folders, one `stat` each otherwise.
 */
function entryKind(file: string): EntryKind | null {
  const dir = path.dirname(file);
  let entries = folders.get(dir);
  if (entries === undefined) {
    entries = listFolder(dir);
    if (folders.size >= MAX_CACHED_RESOLUTIONS) folders.clear();
    folders.set(dir, entries);
  }
  const name = path.basename(file);
  const kind = entries?.get(name) ?? (CASE_INSENSITIVE ? entries?.get(name.toLowerCase()) : undefined);
  if (kind !== 'other') return kind ?? null;
  // A link, or what the listing could not tell: ask the disk.
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    return stat?.isFile() ? 'file' : stat?.isDirectory() ? 'directory' : null;
  } catch {
    return null;
  }
}

function listFolder(dir: string): ReadonlyMap<string, EntryKind> | null {
  // Asked without an error: the one a missing folder's listing throws costs more than the look
  // (an editor's new file, or a file linted from text at a path that is not on disk, asks of each
  // folder above it).
  if (!fs.existsSync(dir)) return null;
  try {
    const entries = new Map<string, EntryKind>();
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const kind = entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : 'other';
      entries.set(entry.name, kind);
      // Where `Server.ts` opens `server.ts`, the listing answers for either spelling.
      if (CASE_INSENSITIVE && !entries.has(entry.name.toLowerCase())) entries.set(entry.name.toLowerCase(), kind);
    }
    return entries;
  } catch {
    return null;
  }
}

export interface Manifest {
  readonly dir: string;
  readonly json: {
    name?: unknown;
    imports?: unknown;
    exports?: unknown;
    main?: unknown;
    module?: unknown;
    source?: unknown;
    types?: unknown;
    workspaces?: unknown;
    scripts?: unknown;
    dependencies?: unknown;
    devDependencies?: unknown;
    peerDependencies?: unknown;
    bin?: unknown;
  };
}

const manifests = new Map<string, Manifest | null>();

/** The `package.json` in a folder, parsed, or `null`. */
function manifestIn(dir: string): Manifest | null {
  const known = manifests.get(dir);
  if (known !== undefined) return known;
  let manifest: Manifest | null = null;
  const file = path.join(dir, 'package.json');
  if (isFile(file)) {
    try {
      manifest = { dir, json: JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest['json'] };
    } catch {
      manifest = null;
    }
  }
  manifests.set(dir, manifest);
  return manifest;
}

/** The nearest `package.json` at or above a folder, not crossing into `node_modules`. */
export function nearestManifest(dir: string): Manifest | null {
  for (let current = dir; ; current = path.dirname(current)) {
    const manifest = manifestIn(current);
    if (manifest) return manifest;
    if (path.basename(current) === 'node_modules' || path.dirname(current) === current) return null;
  }
}

/** Whether the `package.json` nearest to a file lists one of `packages` among its dependencies of any kind. */
export function manifestDependsOn(file: string | null, packages: ReadonlySet<string>): boolean {
  if (file === null) return false;
  const manifest = nearestManifest(path.dirname(file));
  if (!manifest) return false;
  const { dependencies, devDependencies, peerDependencies } = manifest.json;
  return [dependencies, devDependencies, peerDependencies].some((listed) =>
    listsDependency(listed, (name) => packages.has(name)),
  );
}

/** Whether a `package.json` dependency map names a package that `names` picks. */
function listsDependency(map: unknown, names: (dependency: string) => boolean): boolean {
  return map !== null && typeof map === 'object' && Object.keys(map).some(names);
}

const WRANGLER_CONFIGS = ['wrangler.toml', 'wrangler.json', 'wrangler.jsonc'];
/** `main = "src/index.ts"` (TOML) or `"main": "src/index.ts"` (JSON): the Worker's entry. */
const WRANGLER_MAIN = /^\s*main\s*=\s*["']([^"']+)["']|"main"\s*:\s*"([^"]+)"/mu;

/**
 * The source file a Wrangler configuration beside the package's `package.json` names as the
 * Worker's entry, or `null`.
 */
export function workerEntry(file: string): string | null {
  const manifest = nearestManifest(path.dirname(file));
  if (!manifest) return null;
  for (const config of WRANGLER_CONFIGS) {
    const candidate = path.join(manifest.dir, config);
    if (!isFile(candidate)) continue;
    let text: string;
    try {
      text = fs.readFileSync(candidate, 'utf8');
    } catch {
      continue;
    }
    // Comments left out (`// "main": …` in JSONC, `# main = …` in TOML), and in TOML only the keys
    // before the first table (`[build]`), which are the top level's.
    const toml = config.endsWith('.toml');
    const code = toml
      ? text.replace(/#.*$/gmu, '').split(/^\s*\[/mu)[0]!
      : text.replace(/^\s*\/\/.*$|\/\*[\s\S]*?\*\//gmu, '');
    const match = WRANGLER_MAIN.exec(code);
    const main = match?.[1] ?? match?.[2];
    if (main) return sourceFile(path.resolve(manifest.dir, main));
  }
  return null;
}
const WRANGLER_DEPLOY = /\bwrangler\s+(?:deploy|publish)\b/u;

/**
 * Whether a file's package is deployed with Wrangler, whatever else it depends on: a Wrangler
 * configuration beside its `package.json`, or a script that runs `wrangler deploy`.
 */
export function deployedWithWrangler(file: string | null): boolean {
  const manifest = file === null ? null : nearestManifest(path.dirname(file));
  return manifest !== null && deploysWithWrangler(manifest);
}

/**
 * Whether a package has a Wrangler configuration beside its `package.json`, or a script that runs
 * `wrangler deploy`.
 */
function deploysWithWrangler(manifest: Manifest): boolean {
  const scripts = manifest.json?.scripts;
  return (
    WRANGLER_CONFIGS.some((config) => isFile(path.join(manifest.dir, config))) ||
    (scripts !== null &&
      typeof scripts === 'object' &&
      Object.values(scripts).some((script) => typeof script === 'string' && WRANGLER_DEPLOY.test(script)))
  );
}
const workerPackages = new Map<string, boolean>();

/** Folders that hold no source of the package's own: dependencies, build output, tools' caches. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', 'bower_components', 'vendor']);
/** How many files of a package are looked through for the modules that import one; past it, they are not known. */
const MAX_PACKAGE_FILES = 5000;
/** How many folder entries (files and folders of any kind) that look walks through at most. */
const MAX_PACKAGE_ENTRIES = 50_000;
/** The source files of each package folder, forgotten with the resolutions (`null`: too many to look through). */
const packageFiles = new Map<string, readonly string[] | null>();
/**
 * Test modules, by their folder or name: they call a module's functions to test them, not as the
 * server runs, so their calls do not count among its callers.
 */
const TEST_MODULE = /(?:^|[\\/])(?:__tests__|__mocks__|tests?|spec|e2e)[\\/]|\.(?:test|spec|e2e)\.[cm]?[jt]sx?$/u;

/** Whether a file is a test module, by its folder or name. */
export function isTestModule(file: string): boolean {
  return TEST_MODULE.test(file);
}

/**
 * Whether a file, by its absolute path, is a test module of its package: by its name, or a
 * folder inside the package's (that of its nearest `package.json`); the folders above it say
 * nothing (a checkout under `~/tests/`). With no `package.json`, by the whole path.
 */
export function isTestFile(file: string): boolean {
  const manifest = path.isAbsolute(file) ? nearestManifest(path.dirname(file)) : null;
  return isTestModule(manifest ? path.relative(manifest.dir, file) : file);
}
/** `export * from '…'`: a barrel passes on every name of the module, without naming it. */
const EXPORT_ALL = /\bexport\s*\*\s*(?:as\s+[\w$]+\s+)?from\b/u;
/** What `importersOf` answered, forgotten with the resolutions. */
const importers = new Map<string, readonly string[] | null>();
/** Whether a package's modules load modules by computed paths, by the package's folder. */
const computedLoads = new Map<string, boolean>();

/**
 * A `require()` or `import()` of a path the code computes: any argument but one string literal
 * (`require(path.join(__dirname, name))`, `require('./' + name)`, `await import(file)`). Not a
 * method named `require` (`auth.require(…)`, `require(req: Request, …)`).
 */
const COMPUTED_REQUIRE =
  /(?<![.\w$])(?:require|import)\s*\(\s*(?!(['"])[^'"\r\n]*\1\s*\)|`[^`$]*`\s*\)|[\w$]+\s*[:?]\s*[\w$])/u;

/**
 * Whether a module of the package `file` is in loads modules by a path it computes
 * (`require(path.join(__dirname, name))`): a CommonJS module's callers are then not all known.
 * True when the package's files cannot all be listed.
 */
export function packageLoadsComputedModules(file: string): boolean {
  const manifest = nearestManifest(path.dirname(file));
  if (!manifest) return true;
  let loads = computedLoads.get(manifest.dir);
  if (loads === undefined) {
    const files = sourceFilesUnder(manifest.dir);
    loads = files === null || files.some((candidate) => COMPUTED_REQUIRE.test(moduleText(candidate) ?? ''));
    computedLoads.set(manifest.dir, loads);
  }
  return loads;
}

/**
 * The modules of a file's package (the folder of its nearest `package.json`) whose value imports
 * resolve to it and whose text names one of `names` (or that re-export all of it, `export *`):
 * the modules that may use or pass on what it exports under those names. Test modules are left out
 * (with `tests`, only they are looked at). Read lexically, as `reachesModule` reads imports. `null`
 * when that cannot be told: no `package.json`, or a package of more than 5,000 source files or
 * 50,000 folder entries.
 */
export function importersOf(file: string, names: readonly string[], tests = false): readonly string[] | null {
  const key = `${file}\0${tests ? 'tests\0' : ''}${names.join('\0')}`;
  const known = importers.get(key);
  if (known !== undefined) return known;
  const manifest = nearestManifest(path.dirname(file));
  // A Deno project has no `package.json`: its `deno.json` marks its root.
  const deno = manifest ? null : nearestDenoConfig(path.dirname(file));
  // An import map that names the project's files (`@/app.ts`), or a workspace whose members import
  // each other by name, hides importers: unknown.
  const root = manifest?.dir ?? (deno && !deno.aliasesFiles && !inDenoWorkspace(deno) ? deno.dir : null);
  const files = root !== null ? sourceFilesUnder(root) : null;
  let found: string[] | null = null;
  if (files && root !== null) {
    const parsed = path.parse(file);
    // What a specifier of the file says: its name. Not for an `index` module (`'.'`, `'..'`, its
    // folder), nor where an alias may name it (`package.json` `imports`, a Deno import map,
    // `tsconfig` `paths`).
    const stem =
      parsed.name === 'index' ||
      deno !== null ||
      manifest?.json.imports !== undefined ||
      tsconfigPathsFor(parsed.dir) !== null
        ? ''
        : parsed.name;
    found = [];
    for (const candidate of files) {
      if (candidate === file || isTestModule(path.relative(root, candidate)) !== tests) continue;
      // The text first: only a module that names the file and the export has its imports resolved.
      const text = moduleText(candidate);
      if (
        text === null ||
        !text.includes(stem) ||
        !(names.some((name) => name === 'default' || text.includes(name)) || EXPORT_ALL.test(text))
      )
        continue;
      if (lexicalModule(candidate)?.imports.includes(file)) found.push(candidate);
    }
  }
  importers.set(key, found);
  return found;
}

/** The source files under a package folder, not in its dependencies, build output or hidden folders. */
/** Whether a file name is a source module's (`.ts`, `.mjs`, …), not a declaration file. */
export function isSourceModuleName(name: string): boolean {
  return SOURCE_EXTENSIONS.includes(path.extname(name)) && !name.endsWith('.d.ts');
}

/**
 * The source modules directly in a folder, by name, at most `max` of them: a folder a framework
 * reads by convention (Nitro's `server/middleware`, `server/utils`). Empty when it cannot be read.
 */
export function sourceModulesIn(dir: string, max: number): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter(isSourceModuleName)
      .sort()
      .slice(0, max)
      .map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}

/**
 * The source modules under each of `roots` (the folders a framework serves routes from), at most
 * `depth` folders down and `max` modules in all, that `accept` takes (by its root and name):
 * folders of packages (`node_modules`) and hidden ones are not entered; a root that cannot be read
 * adds none.
 */
export function sourceModulesUnder(
  roots: readonly string[],
  depth: number,
  max: number,
  accept: (root: string, name: string) => boolean = () => true,
): string[] {
  const found: string[] = [];
  const visit = (root: string, dir: string, level: number): void => {
    if (level > depth || found.length >= max) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (found.length >= max) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) visit(root, full, level + 1);
      } else if (entry.isFile() && isSourceModuleName(entry.name) && accept(root, entry.name)) {
        found.push(full);
      }
    }
  };
  for (const root of roots) visit(root, root, 0);
  return found;
}

/**
 * Whether no module of the package at or above `dir` (tests included) has a text that `says`
 * picks, nor its manifest (its name, scripts, dependencies), and the same holds for every
 * package of the project those modules import (a workspace's package by its name, a nested
 * package by a relative path). `false` where that cannot be read: no manifest, too many files to
 * list, a module that cannot be read, or a package the modules import that no manifest above them
 * declares and that resolves to no module of the project (a path alias the analysis cannot follow).
 */
export function packageNeverSays(dir: string, says: (text: string) => boolean): boolean {
  const start = nearestManifest(dir);
  if (!start) return false;
  let answers = neverSaid.get(says);
  if (!answers) neverSaid.set(says, (answers = new Map()));
  const known = answers.get(start.dir);
  if (known !== undefined) return known;
  const pending = [start];
  const seen = new Set([start.dir]);
  let answer = true;
  while (answer && pending.length > 0) answer = packageSaysNothing(pending.pop()!, says, seen, pending);
  answers.set(start.dir, answer);
  return answer;
}

/**
 * The folders of the other packages of the workspace a file's package belongs to that list it
 * among their dependencies (which may import its modules and what they export); none outside one.
 */
export function workspaceDependents(file: string): string[] {
  const own = nearestManifest(path.dirname(file));
  const name = own?.json.name;
  const packages = workspacePackages(path.dirname(file));
  if (!own || typeof name !== 'string' || !packages) return [];
  return [...packages.values()].filter((dir) => {
    const manifest = dir === own.dir ? null : manifestIn(dir);
    return manifest !== null && dependencyNames(manifest).includes(name);
  });
}

/** What `packageNeverSays` answered, per test and package folder, forgotten with the resolutions. */
const neverSaid = new Map<(text: string) => boolean, Map<string, boolean>>();

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/** The dependencies a manifest lists, of every kind. */
function dependencyNames(manifest: Manifest): string[] {
  return DEPENDENCY_FIELDS.flatMap((field) => {
    const listed = (manifest.json as Record<string, unknown>)[field];
    return listed && typeof listed === 'object' ? Object.keys(listed) : [];
  });
}

/** A package one package of `packageNeverSays` looks at; the packages its modules import go on `pending`. */
function packageSaysNothing(
  manifest: Manifest,
  says: (text: string) => boolean,
  seen: Set<string>,
  pending: Manifest[],
): boolean {
  // Its name, description, keywords, scripts and dependencies: `@acme/mcp-app`, `"mcp-server": "…"`.
  if (says(JSON.stringify(manifest.json))) return false;
  const files = sourceFilesUnder(manifest.dir);
  // A package this large costs too much to read on a keystroke: it may say anything.
  if (!files || files.length > MAX_SILENT_PACKAGE_FILES) return false;
  // What the package and the packages above it (a workspace's root) declare: installed packages.
  const declared = new Set<string>();
  for (let found: Manifest | null = manifest; found; found = nearestManifest(path.dirname(found.dir))) {
    for (const name of dependencyNames(found)) declared.add(name);
    if (path.dirname(found.dir) === found.dir) break;
  }
  const members = workspacePackages(manifest.dir);
  for (const file of files) {
    const module = lexicalModule(file);
    if (!module || says(module.text)) return false;
    for (const imported of module.imports) {
      // The module itself, also one the package listing leaves out (under `vendor/`, `build/`).
      const target = lexicalModule(imported);
      if (!target || says(target.text)) return false;
      const owner = nearestManifest(path.dirname(imported));
      if (!owner) return false;
      if (!seen.has(owner.dir)) {
        seen.add(owner.dir);
        pending.push(owner);
      }
    }
    for (const specifier of module.specifiers) {
      if (LOCAL_SPECIFIER.test(specifier) || /^[a-z]+:/u.test(specifier)) continue;
      const name = packageNameOf(specifier);
      if (builtinModules.includes(name)) continue;
      const resolved = resolveSpecifier(file, specifier) !== null;
      // A package of the workspace whose source the analysis cannot find (built to `dist/`) may hold anything.
      if (members?.has(name) && !resolved) return false;
      if (declared.has(name) || resolved) continue;
      return false;
    }
  }
  return true;
}

/**
 * The bare specifiers (packages) a module imports, and the modules of the project it imports
 * import, transitively (`null` when one of them cannot be read, or they are too many to read):
 * the packages whose code its own may run.
 */
export function packagesReached(file: string, text: string): string[] | null {
  const packages = new Set<string>();
  const queue: {
    readonly file: string;
    readonly specifiers: readonly string[];
    readonly imports: readonly string[];
  }[] = [{ file, ...moduleSpecifiers(file, text) }];
  const seen = new Set([file]);
  while (queue.length > 0) {
    const module = queue.pop()!;
    for (const specifier of module.specifiers) if (!LOCAL_SPECIFIER.test(specifier)) packages.add(specifier);
    for (const imported of module.imports) {
      if (seen.has(imported)) continue;
      if (seen.size >= MAX_LOADS_PER_FILE) return null;
      seen.add(imported);
      const found = lexicalModule(imported);
      if (!found) return null;
      queue.push({ file: imported, ...found });
    }
  }
  return [...packages];
}

/** A specifier of the project's own modules: relative, absolute, or an alias (`@/lib`, `~/lib`, `#config`). */
const LOCAL_SPECIFIER = /^[./]|^[@~]\/|^#/u;

/** Packages with more modules than this are not read whole to show that nothing in them says MCP. */
const MAX_SILENT_PACKAGE_FILES = 1000;

/**
 * The modules of a file's package (test modules aside) whose text contains one of `words`, or
 * `null` when the package cannot be listed. For facts a package states once for all its modules
 * (a NestJS app's global guards).
 */
export function packageModulesMentioning(file: string, words: readonly string[]): string[] | null {
  const manifest = nearestManifest(path.dirname(file));
  const files = manifest ? sourceFilesUnder(manifest.dir) : null;
  if (!manifest || !files) return null;
  return files.filter((candidate) => {
    if (isTestModule(path.relative(manifest.dir, candidate))) return false;
    const text = moduleText(candidate);
    return text !== null && words.some((word) => text.includes(word));
  });
}

function sourceFilesUnder(root: string): readonly string[] | null {
  const known = packageFiles.get(root);
  if (known !== undefined) return known;
  const files: string[] = [];
  const pending = [root];
  let complete = true;
  let entriesSeen = 0;
  while (pending.length > 0 && complete) {
    const dir = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entriesSeen += entries.length;
    // Folders of data or assets: too much to walk on every keystroke.
    if (entriesSeen > MAX_PACKAGE_ENTRIES) complete = false;
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        // A nested package is a package of its own.
        if (!SKIPPED_FOLDERS.has(entry.name) && !isFile(path.join(full, 'package.json'))) pending.push(full);
      } else if (
        entry.isFile() &&
        SOURCE_EXTENSIONS.includes(path.extname(entry.name)) &&
        !entry.name.endsWith('.d.ts')
      ) {
        files.push(full);
        if (files.length > MAX_PACKAGE_FILES) complete = false;
      }
    }
  }
  const result = complete ? files : null;
  packageFiles.set(root, result);
  return result;
}

/**
 * Whether a module is an entry of its package, which other packages (a workspace's, or the
 * package's users) import by its name: the package's `index` (at its root, `src/` or `lib/`), or
 * a target of its `main`, `module`, `source`, `exports` or `bin` (an emitted `.js` read as its `.ts`).
 */
export function isPackageEntry(file: string): boolean {
  const manifest = nearestManifest(path.dirname(file));
  const name = manifest?.json.name;
  if (!manifest || typeof name !== 'string') return false;
  if (packageSpecifiersOf(file).includes(name)) return true;
  const { main, module, source, exports, bin } = manifest.json;
  const targets: string[] = [];
  const collect = (value: unknown, depth: number): void => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object' && depth < 4) {
      for (const inner of Object.values(value)) collect(inner, depth + 1);
    }
  };
  for (const field of [main, module, source, exports, bin]) collect(field, 0);
  return targets.some((target) => sourceFile(path.resolve(manifest.dir, target)) === file);
}

/**
 * Whether a module belongs to a package that is deployed as a Cloudflare Worker and as nothing
 * else: its nearest `package.json` has a Wrangler configuration beside it (`wrangler.toml`,
 * `.json`, `.jsonc`) or a script that runs `wrangler deploy` (`publish` before Wrangler 3), and
 * depends on none of `serverPackages` (a package that also runs on Node.js, `@hono/node-server`
 * say, may serve the same code from the user's machine). A library of a workspace counts too when
 * the packages of the workspace that depend on it are all such Workers (a shared `mcp-common`
 * of Worker apps), and it depends on none of `serverPackages` either. Worker code runs on
 * Cloudflare's network, reachable from everywhere, not on the user's machine or network.
 */
export function deployedAsWorker(file: string | null, serverPackages: ReadonlySet<string>): boolean {
  if (file === null) return false;
  const manifest = nearestManifest(path.dirname(file));
  return manifest !== null && workerPackage(manifest, serverPackages, 0);
}

/** How many workspace libraries deep `workerPackage` follows the packages that depend on one. */
const MAX_LIBRARY_DEPTH = 3;

function workerPackage(manifest: Manifest, serverPackages: ReadonlySet<string>, depth: number): boolean {
  return workerPackageOn(manifest, serverPackages, depth, new Set()).answer;
}

/**
 * Whether a package is a Worker package, and whether that answer holds whatever the way to it
 * (`final`): an answer cut short by the depth or by a package on the way to itself is not kept.
 */
function workerPackageOn(
  manifest: Manifest,
  serverPackages: ReadonlySet<string>,
  depth: number,
  onTheWay: Set<string>,
): { answer: boolean; final: boolean } {
  const known = workerPackages.get(manifest.dir);
  if (known !== undefined) return { answer: known, final: true };
  if (onTheWay.has(manifest.dir)) return { answer: false, final: false };
  const { dependencies, devDependencies, name } = manifest.json ?? {};
  let answer = false;
  let final = true;
  if (
    !listsDependency(dependencies, (dependency) => serverPackages.has(dependency)) &&
    !listsDependency(devDependencies, (dependency) => serverPackages.has(dependency))
  ) {
    answer = deploysWithWrangler(manifest);
    if (!answer && typeof name === 'string') {
      if (depth >= MAX_LIBRARY_DEPTH) final = false;
      else {
        const dependents = [...(workspacePackages(manifest.dir)?.values() ?? [])]
          .map((dir) => manifestIn(dir))
          .filter(
            (other): other is Manifest =>
              other !== null &&
              other.dir !== manifest.dir &&
              (listsDependency(other.json?.dependencies, (dependency) => dependency === name) ||
                listsDependency(other.json?.devDependencies, (dependency) => dependency === name)),
          );
        onTheWay.add(manifest.dir);
        answer = dependents.length > 0;
        for (const other of dependents) {
          const found = workerPackageOn(other, serverPackages, depth + 1, onTheWay);
          if (!found.final) final = false;
          if (!found.answer) {
            answer = false;
            break;
          }
        }
        onTheWay.delete(manifest.dir);
      }
    }
  }
  if (final) workerPackages.set(manifest.dir, answer);
  return { answer, final };
}

/**
 * Whether a module is deployed as a Vercel Function and as nothing else: it lies in the `api`
 * folder of a package with a `vercel.json` beside its `package.json` (Vercel serves each module
 * there at `/api/<path>` on its network), and no other module of the package imports it (a local
 * server that runs the same handler, say).
 */
/**
 * Adapters that build a SvelteKit or Astro app into a serverless platform's functions (Vercel,
 * Cloudflare, Netlify): the platform serves it by its own hostname, and nothing of the package
 * listens on a port. `@sveltejs/adapter-node` and `@astrojs/node` make a server, and are not here.
 */
const PLATFORM_ADAPTERS: ReadonlySet<string> = new Set([
  '@sveltejs/adapter-vercel',
  '@sveltejs/adapter-cloudflare',
  '@sveltejs/adapter-cloudflare-workers',
  '@sveltejs/adapter-netlify',
  '@astrojs/vercel',
  '@astrojs/cloudflare',
  '@astrojs/netlify',
]);

/**
 * Whether a module's package is built by a serverless platform adapter (`@sveltejs/adapter-vercel`
 * in its dependencies) and by no adapter that makes a server, depends on no package that makes or
 * starts a server, and runs no server build of its own from a script.
 */
export function deployedByPlatformAdapter(file: string | null, serverPackages: ReadonlySet<string>): boolean {
  if (file === null) return false;
  const manifest = nearestManifest(path.dirname(file));
  const { dependencies, devDependencies } = manifest?.json ?? {};
  const names = [dependencies, devDependencies].flatMap((map) =>
    map !== null && typeof map === 'object' ? Object.keys(map) : [],
  );
  const scripts = manifest?.json?.scripts;
  // `node build` (adapter-node's output), `node dist/server/entry.mjs` (@astrojs/node's).
  const runsBuild =
    scripts !== null &&
    typeof scripts === 'object' &&
    Object.values(scripts).some((script) => typeof script === 'string' && RUNS_NODE_BUILD.test(script));
  return (
    names.some((name) => PLATFORM_ADAPTERS.has(name)) &&
    !names.some((name) => serverPackages.has(name) || SERVER_ADAPTERS.has(name)) &&
    !runsBuild
  );
}

/**
 * Adapters that build the app into a server of its own (or, `adapter-auto`, choose the platform
 * where it is built): a package with one of them may serve on the user's machine.
 */
const SERVER_ADAPTERS: ReadonlySet<string> = new Set([
  '@sveltejs/adapter-node',
  '@sveltejs/adapter-auto',
  '@astrojs/node',
  'svelte-adapter-bun',
  'svelte-adapter-deno',
]);

/** A script that runs a server build with Node: `node build`, `node ./build/index.js`, `node dist/server/entry.mjs`. */
const RUNS_NODE_BUILD = /\bnode\s+(?:\.\/)?(?:build\b|dist\/server\b)/u;

/**
 * The modules Vercel takes, with no configuration, for the entry of a Hono or Express app whose
 * default export is the app: `app`, `index` or `server`, at the package's root or in `src/`
 * (Vercel's docs of its Hono and Express support).
 */
const VERCEL_APP_ENTRY = /^(?:src\/)?(?:app|index|server)\.[cm]?[jt]s$/u;

/** A script that runs Vercel's CLI: `vercel build`, `vercel deploy --prod`, `npx vc dev`. */
const RUNS_VERCEL =
  /(?:^|[\s;&|(])(?:npx\s+|pnpm\s+(?:dlx\s+)?|bunx\s+)?(?:vercel(?:\s|$)|vc\s+(?:deploy|build|dev|pull|link|--prod)\b)/u;

/**
 * Whether a module is the entry of a Hono or Express app that Vercel deploys with no configuration
 * and nothing else serves: it is one of `VERCEL_APP_ENTRY`, its package depends on `hono` or
 * `express` and is deployed with Vercel (a `vercel.json`, `vercel` among its dependencies, or a
 * script that runs Vercel's CLI), no module of the package imports it, no package of the
 * workspace depends on the package (which may serve the app on a port of its own), and no script
 * runs it with Bun (which serves a default export with a `fetch` on a port of the machine). That
 * it exports the app and starts no server is for the caller to see.
 */
export function deployedAsVercelApp(file: string | null): boolean {
  if (file === null) return false;
  const manifest = nearestManifest(path.dirname(file));
  if (!manifest) return false;
  const relative = path.relative(manifest.dir, file).split(path.sep).join('/');
  if (!VERCEL_APP_ENTRY.test(relative)) return false;
  const names = dependencyNames(manifest);
  if (!names.includes('hono') && !names.includes('express')) return false;
  if (!deployedWithVercel(manifest) || runByBun(file) || servedByDeno(file)) return false;
  // A package of the workspace that depends on this one may import the app and serve it itself.
  if (workspaceDependents(file).length > 0) return false;
  const importers = importersOf(file, ['default']);
  return importers !== null && importers.length === 0;
}

/**
 * Whether a package is deployed with Vercel: a `vercel.json` beside its `package.json`, `vercel`
 * among its dependencies, or a script that runs Vercel's CLI.
 */
function deployedWithVercel(manifest: Manifest): boolean {
  const { scripts } = manifest.json;
  return (
    isFile(path.join(manifest.dir, 'vercel.json')) ||
    dependencyNames(manifest).includes('vercel') ||
    (scripts !== null &&
      typeof scripts === 'object' &&
      Object.values(scripts).some((script) => typeof script === 'string' && RUNS_VERCEL.test(script)))
  );
}

/** `app/**​/route.ts` of a Next.js App Router project (also under `src/`), from the package's folder. */
const NEXT_ROUTE_MODULE = /^(?:src\/)?app\/(?:[^/]+\/)*route\.[cm]?[jt]sx?$/u;

/**
 * Whether a module is a route handler of a Next.js app that Vercel deploys: an `app/**​/route.ts`
 * of a package that depends on `next` and is deployed with Vercel (a `vercel.json`, `vercel` among
 * its dependencies, or a script that runs Vercel's CLI), which no module of the package imports.
 * Vercel runs each route as a function, by the project's hostname; nothing of it listens on a port
 * of the machine (`next dev` and `next start`, which a Next.js app's scripts hold whoever hosts it,
 * serve it for development and for hosts of its own, as `vercel dev` does a Vercel Function).
 */
export function deployedAsVercelNextRoute(file: string | null): boolean {
  if (file === null) return false;
  const manifest = nearestManifest(path.dirname(file));
  if (!manifest) return false;
  const relative = path.relative(manifest.dir, file).split(path.sep).join('/');
  if (!NEXT_ROUTE_MODULE.test(relative) || !dependencyNames(manifest).includes('next')) return false;
  if (!deployedWithVercel(manifest)) return false;
  const importers = importersOf(file, ['default']);
  return importers !== null && importers.length === 0;
}

export function deployedAsVercelFunction(file: string | null): boolean {
  if (file === null) return false;
  const manifest = nearestManifest(path.dirname(file));
  if (!manifest) return false;
  const relative = path.relative(manifest.dir, file).split(path.sep);
  if (relative.length < 2 || relative[0] !== 'api') return false;
  if (!isFile(path.join(manifest.dir, 'vercel.json'))) return false;
  // `default` stands for any import that names the module.
  const importers = importersOf(file, ['default']);
  if (importers === null) return false;
  // `api/_helpers.ts`: Vercel deploys no file or folder whose name starts with `_` as a function;
  // its code runs in the functions that import it, when only they do. A function's module that
  // other functions import too (`api/mcp/http.js`, a shared headers helper) runs there as well:
  // on Vercel alone, unless a module outside `api/` (a local server) imports it.
  return importers.every((importer) => path.relative(manifest.dir, importer).split(path.sep)[0] === 'api');
}

/** A Supabase Edge Function: its name, and whether the platform checks a JWT before it runs. */
export interface SupabaseFunction {
  readonly name: string;
  /** `verify_jwt` in `supabase/config.toml` (true unless the function's section sets it false). */
  readonly verifiesJwt: boolean;
}

/** The text of each `supabase/config.toml` read, by the `supabase` folder (`null`: none). */
const supabaseConfigs = new Map<string, string | null>();

/**
 * The Supabase Edge Function a module belongs to: a file under `supabase/functions/<name>/` of a
 * project that `supabase init` made (a `config.toml` in the `supabase` folder). The edge runtime
 * runs it as a worker behind Supabase's gateway, which routes by the project's hostname and, with
 * `verify_jwt` (the default), refuses a request without a valid JWT in `Authorization` (Supabase
 * CLI docs, "Function configuration"). The shared code of `supabase/functions/_shared/` is no
 * function of its own.
 */
export function supabaseFunction(file: string | null): SupabaseFunction | null {
  if (file === null) return null;
  const parts = path.resolve(file).split(path.sep);
  const at = parts.lastIndexOf('functions');
  if (at < 1 || parts[at - 1] !== 'supabase' || at + 2 >= parts.length) return null;
  const name = parts[at + 1]!;
  const folder = parts.slice(0, at).join(path.sep);
  let config = supabaseConfigs.get(folder);
  if (config === undefined) {
    try {
      config = fs.readFileSync(path.join(folder, 'config.toml'), 'utf8');
    } catch {
      config = null;
    }
    supabaseConfigs.set(folder, config);
  }
  if (config === null) return null;
  // `supabase functions deploy mcp --no-verify-jwt` in a script of the project turns it off too.
  const scripts = nearestManifest(folder)?.json.scripts;
  const deploys =
    scripts !== null && typeof scripts === 'object'
      ? Object.values(scripts).filter(
          (script): script is string =>
            typeof script === 'string' && /\bfunctions\s+deploy\b/u.test(script) && /--no-verify-jwt\b/u.test(script),
        )
      : [];
  const deployedOpen = (fn: string): boolean =>
    deploys.some((script) => {
      const named = /\bfunctions\s+deploy\s+([\w-]+)/u.exec(script)?.[1];
      return named === undefined || named === fn;
    });
  // The shared code of `supabase/functions/_shared/` runs in every function that imports it: a
  // JWT is verified before it only when every function has the check.
  if (name.startsWith('_'))
    return { name, verifiesJwt: !/^\s*verify_jwt\s*=\s*false\b/mu.test(config) && deploys.length === 0 };
  return { name, verifiesJwt: !turnsOffJwt(config, name) && !deployedOpen(name) };
}

/** Whether the `[functions.<name>]` section of a Supabase config sets `verify_jwt = false`. */
function turnsOffJwt(config: string, name: string): boolean {
  let inSection = false;
  for (const raw of config.split(/\r?\n/u)) {
    const line = raw.replace(/#.*$/u, '').trim();
    const header = /^\[\s*([^\]]+?)\s*\]$/u.exec(line);
    if (header) {
      const section = header[1]!.replace(/"/gu, '');
      inSection = section === `functions.${name}`;
      continue;
    }
    if (inSection && /^verify_jwt\s*=\s*false$/u.test(line)) return true;
  }
  return false;
}

/**
 * Whether a script of the module's package runs it with Bun (`bun run src/index.ts`,
 * `bun --hot ./src/index.ts`): Bun then serves the module's default export when it has a `fetch`
 * (oven-sh/bun packages/bun-types/serve.d.ts, commit 00036dc: `Serve.Options`' example
 * `export default { fetch }`), on `0.0.0.0` unless it names a `hostname` (`hostname` `@default
 * "0.0.0.0"` in the same file).
 */
export function runByBun(file: string | null): boolean {
  if (file === null) return false;
  const manifest = nearestManifest(path.dirname(file));
  const scripts = manifest?.json.scripts;
  if (!manifest || !scripts || typeof scripts !== 'object') return false;
  return Object.values(scripts).some(
    (script) =>
      typeof script === 'string' &&
      bunTargets(script).some((target) => sourceFile(path.resolve(manifest.dir, target)) === file),
  );
}

/**
 * Whether a task of the nearest `deno.json`/`deno.jsonc` (or a script of the nearest
 * `package.json`) runs the module with `deno serve` and names no `--host`: Deno then serves its
 * default export's `fetch` on `0.0.0.0`, port 8000 (Deno 2.9.5, denoland/deno
 * libs/cli_parser/src/defs.rs, 2026-08-21: `--host` "The TCP address to serve on, defaulting to
 * 0.0.0.0 (all interfaces)", `--port` "[default: 8000]"). A task that names a host has chosen it;
 * it is not read.
 */
export function servedByDeno(file: string | null): boolean {
  if (file === null) return false;
  const config = nearestDenoConfig(path.dirname(file));
  const manifest = nearestManifest(path.dirname(file));
  const commands: [string, unknown][] = [];
  if (config) {
    for (const task of Object.values(config.tasks)) {
      const command = task && typeof task === 'object' ? (task as { command?: unknown }).command : task;
      commands.push([config.dir, command]);
    }
  }
  const scripts = manifest?.json.scripts;
  if (manifest && scripts && typeof scripts === 'object') {
    for (const script of Object.values(scripts)) commands.push([manifest.dir, script]);
  }
  return commands.some(
    ([dir, command]) =>
      typeof command === 'string' &&
      denoServeTargets(command).some((target) => sourceFile(path.resolve(dir, target)) === file),
  );
}

interface DenoConfig {
  readonly dir: string;
  readonly tasks: Readonly<Record<string, unknown>>;
  /**
   * Whether its import map may name the project's own files (`"@/": "./src/"`, or an `importMap`
   * file): specifiers the resolution here does not follow.
   */
  readonly aliasesFiles: boolean;
  /** Whether it lists the members of a workspace (`"workspace": [...]`), which import each other by name. */
  readonly workspace: boolean;
}

/** The `deno.json`/`deno.jsonc` read for each folder (`null`: none at or above it). */
const denoConfigs = new Map<string, DenoConfig | null>();

/** Whether a Deno config is a workspace's, or a member of one (a `deno.json` above it lists a `workspace`). */
function inDenoWorkspace(config: DenoConfig): boolean {
  if (config.workspace) return true;
  const parent = path.dirname(config.dir);
  if (parent === config.dir || path.basename(config.dir) === 'node_modules') return false;
  const above = nearestDenoConfig(parent);
  return above !== null && inDenoWorkspace(above);
}

function nearestDenoConfig(dir: string): DenoConfig | null {
  const known = denoConfigs.get(dir);
  if (known !== undefined) return known;
  let config: DenoConfig | null = null;
  const file = ['deno.json', 'deno.jsonc'].map((name) => path.join(dir, name)).find(isFile);
  if (file) {
    try {
      const json = JSON.parse(stripJsonComments(fs.readFileSync(file, 'utf8'))) as {
        tasks?: unknown;
        imports?: unknown;
        importMap?: unknown;
        workspace?: unknown;
      };
      const tasks = json.tasks && typeof json.tasks === 'object' ? (json.tasks as Record<string, unknown>) : {};
      const imports = json.imports && typeof json.imports === 'object' ? Object.values(json.imports) : [];
      const aliasesFiles =
        json.importMap !== undefined ||
        imports.some((target) => typeof target === 'string' && /^(?:\.{1,2}\/|\/)/u.test(target));
      config = { dir, tasks, aliasesFiles, workspace: json.workspace !== undefined };
    } catch {
      config = { dir, tasks: {}, aliasesFiles: true, workspace: false };
    }
  } else if (path.basename(dir) !== 'node_modules' && path.dirname(dir) !== dir) {
    config = nearestDenoConfig(path.dirname(dir));
  }
  denoConfigs.set(dir, config);
  return config;
}

/** How a script runs a module: the words that start the command, and how its flags read. */
interface Launcher {
  /** `bun`, or `deno serve`. */
  readonly command: readonly string[];
  /** Flags that take the next word as their value (the others take none, or one after `=`). */
  readonly valueFlags: ReadonlySet<string>;
  /** Words between the flags that name no file (`run` of `bun run`). */
  readonly skip?: ReadonlySet<string>;
  /** A flag that makes the command none of the ones looked for (`--host` of `deno serve`). */
  readonly excludedBy?: (word: string) => boolean;
}

/** `deno serve`, when it names no `--host` (with one, the task has chosen the address). */
const DENO_SERVE: Launcher = {
  command: ['deno', 'serve'],
  valueFlags: new Set([
    '--port',
    '--config',
    '-c',
    '--import-map',
    '--lock',
    '--cert',
    '--location',
    '--seed',
    '--ext',
    '--preload',
    '--conditions',
  ]),
  excludedBy: (word) => word === '--host' || word.startsWith('--host='),
};

/** `bun` and `bun run`. */
const BUN: Launcher = {
  command: ['bun'],
  valueFlags: new Set([
    '--preload',
    '-r',
    '--require',
    '--import',
    '--env-file',
    '--config',
    '-c',
    '--cwd',
    '--tsconfig-override',
    '--port',
    '--conditions',
    '--define',
    '-d',
    '--loader',
    '-l',
  ]),
  skip: new Set(['run']),
};

function denoServeTargets(script: string): string[] {
  return scriptTargets(script, DENO_SERVE);
}

function bunTargets(script: string): string[] {
  return scriptTargets(script, BUN);
}

/**
 * The files a script hands to a launcher (`bun run --hot src/index.ts`, `bun --watch run
 * src/index.ts`, `deno serve --allow-net "src/main.ts"`, after `NAME=value` settings): the first
 * source file past the flags and their values. A script name (`bun run build`) is no file.
 */
function scriptTargets(script: string, launcher: Launcher): string[] {
  const targets: string[] = [];
  for (const command of script.split(/&&|\|\||[;|&]/u)) {
    const words = command.trim().split(/\s+/u);
    let index = 0;
    while (words[index]?.includes('=') && !words[index]!.startsWith('-')) index++;
    if (!launcher.command.every((word, offset) => words[index + offset] === word)) continue;
    for (index += launcher.command.length; index < words.length; index++) {
      const word = words[index]!.replace(/^(["'])(.*)\1$/u, '$2');
      if (launcher.excludedBy?.(word)) break;
      if (launcher.skip?.has(word)) continue;
      if (word.startsWith('-')) {
        if (launcher.valueFlags.has(word)) index++;
        continue;
      }
      if (/\.[cm]?[jt]sx?$/u.test(word)) targets.push(word);
      break;
    }
  }
  return targets;
}

/**
 * The target of a specifier in a `package.json` map (`imports`, or `exports` with `./`-keys):
 * exact keys, and keys with one `*`. Condition objects pick the first target that looks like
 * source (`source`, `development`, `import`, `require`, `node`, `default`).
 */
function matchPatternMap(map: unknown, specifier: string): string | null {
  if (!map || typeof map !== 'object' || Array.isArray(map)) return null;
  const entries = map as Record<string, unknown>;
  if (specifier in entries) return pickTarget(entries[specifier]);
  for (const [key, target] of Object.entries(entries)) {
    const star = key.indexOf('*');
    if (star === -1) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (!specifier.startsWith(prefix) || !specifier.endsWith(suffix) || specifier.length < key.length - 1) continue;
    const middle = specifier.slice(prefix.length, specifier.length - suffix.length);
    const picked = pickTarget(target);
    if (picked) return picked.split('*').join(middle);
  }
  return null;
}

const CONDITIONS = ['source', 'development', 'import', 'module', 'require', 'node', 'default', 'types'];

function pickTarget(target: unknown): string | null {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) {
    for (const item of target) {
      const picked = pickTarget(item);
      if (picked) return picked;
    }
    return null;
  }
  if (target && typeof target === 'object') {
    const conditions = target as Record<string, unknown>;
    for (const condition of CONDITIONS) {
      if (condition in conditions) {
        const picked = pickTarget(conditions[condition]);
        if (picked) return picked;
      }
    }
  }
  return null;
}

interface TsconfigPaths {
  readonly base: string;
  readonly paths: Readonly<Record<string, readonly string[]>>;
}

const tsconfigs = new Map<string, TsconfigPaths | null>();

/** `compilerOptions.paths` (and `baseUrl`) of the nearest `tsconfig.json`, following `extends` a few steps. */
function tsconfigPathsFor(dir: string): TsconfigPaths | null {
  const known = tsconfigs.get(dir);
  if (known !== undefined) return known;
  let found: TsconfigPaths | null = null;
  const file = path.join(dir, 'tsconfig.json');
  if (isFile(file)) found = readTsconfigPaths(file, 0);
  else if (!manifestIn(dir)?.json.workspaces && path.dirname(dir) !== dir && path.basename(dir) !== 'node_modules') {
    found = tsconfigPathsFor(path.dirname(dir));
  }
  tsconfigs.set(dir, found);
  return found;
}

function readTsconfigPaths(file: string, depth: number): TsconfigPaths | null {
  if (depth > 4) return null;
  let json: { extends?: unknown; compilerOptions?: { paths?: unknown; baseUrl?: unknown } };
  try {
    json = JSON.parse(stripJsonComments(fs.readFileSync(file, 'utf8'))) as typeof json;
  } catch {
    return null;
  }
  const dir = path.dirname(file);
  const options = json.compilerOptions ?? {};
  if (options.paths && typeof options.paths === 'object') {
    const base = typeof options.baseUrl === 'string' ? path.resolve(dir, options.baseUrl) : dir;
    return { base, paths: options.paths as Record<string, string[]> };
  }
  const parent = typeof json.extends === 'string' && json.extends.startsWith('.') ? json.extends : null;
  if (!parent) return null;
  const parentFile = path.resolve(dir, parent.endsWith('.json') ? parent : `${parent}.json`);
  return isFile(parentFile) ? readTsconfigPaths(parentFile, depth + 1) : null;
}

/** Comments and trailing commas out of a `tsconfig.json` (JSON with comments), strings left alone. */
function stripJsonComments(text: string): string {
  let result = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '"') {
      const end = skipString(text, index);
      result += text.slice(index, end);
      index = end - 1;
    } else if (char === '/' && text[index + 1] === '/') {
      while (index < text.length && text[index] !== '\n') index++;
      result += '\n';
    } else if (char === '/' && text[index + 1] === '*') {
      index = text.indexOf('*/', index + 2);
      if (index === -1) break;
      index++;
    } else {
      result += char;
    }
  }
  return result.replace(/,(\s*[}\]])/gu, '$1');
}

function skipString(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === '"') return index + 1;
  }
  return text.length;
}

function resolveTsconfigPath(dir: string, specifier: string): string | null {
  const config = tsconfigPathsFor(dir);
  if (!config) return null;
  for (const [pattern, targets] of Object.entries(config.paths)) {
    const star = pattern.indexOf('*');
    let middle: string | null = null;
    if (star === -1) {
      if (pattern === specifier) middle = '';
    } else {
      const prefix = pattern.slice(0, star);
      const suffix = pattern.slice(star + 1);
      if (
        specifier.startsWith(prefix) &&
        specifier.endsWith(suffix) &&
        specifier.length >= prefix.length + suffix.length
      ) {
        middle = specifier.slice(prefix.length, specifier.length - suffix.length);
      }
    }
    if (middle === null || !Array.isArray(targets)) continue;
    for (const target of targets) {
      if (typeof target !== 'string') continue;
      const file = sourceFile(path.resolve(config.base, target.split('*').join(middle)));
      if (file) return file;
    }
  }
  return null;
}

/** Workspace roots and the folders of their packages, by package name. */
const workspaces = new Map<string, ReadonlyMap<string, string> | null>();

/** The package a bare specifier names: `@scope/name` or `name`, without the subpath. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function resolveWorkspacePackage(dir: string, specifier: string): string | null {
  const name = packageNameOf(specifier);
  const subpath = specifier.slice(name.length + 1);
  const packageDir = workspacePackages(dir)?.get(name) ?? linkedPackage(dir, name);
  if (!packageDir) return null;
  const manifest = manifestIn(packageDir);
  if (!manifest) return null;
  const exportKey = subpath ? `./${subpath}` : '.';
  const { exports } = manifest.json;
  let target: string | null = null;
  if (typeof exports === 'string' || Array.isArray(exports)) {
    target = exportKey === '.' ? pickTarget(exports) : null;
  } else if (exports && typeof exports === 'object') {
    const keys = Object.keys(exports);
    target = keys.some((key) => key.startsWith('.'))
      ? matchPatternMap(exports, exportKey)
      : exportKey === '.'
        ? pickTarget(exports)
        : null;
  }
  if (!target && !subpath) {
    const { source, module, main } = manifest.json;
    target = [source, module, main].find((field): field is string => typeof field === 'string') ?? 'index';
  }
  if (!target && subpath) target = `./${subpath}`;
  if (!target) return null;
  const file = sourceFile(path.resolve(packageDir, target));
  if (file) return file;
  // A build output named in `exports` (`./dist/index.js`) that is not built: its source, by the usual layout.
  const fromSource = target.replace(/^\.?\/?(?:dist|lib|build|out)(?:\/(?:esm|cjs|src))?\//u, './src/');
  return fromSource !== target ? sourceFile(path.resolve(packageDir, fromSource)) : null;
}

/**
 * A package that `node_modules` links to a folder of the project (how npm, yarn and pnpm install
 * the packages of a workspace): the installed name resolves to source the project holds.
 */
function linkedPackage(dir: string, name: string): string | null {
  const key = `${name}\0${dir}`;
  const known = links.get(key);
  if (known !== undefined) return known;
  let found: string | null | undefined;
  if (path.basename(dir) !== 'node_modules') {
    const candidate = path.join(dir, 'node_modules', name);
    try {
      if (fs.lstatSync(candidate, { throwIfNoEntry: false })?.isSymbolicLink()) {
        const real = fs.realpathSync(candidate);
        found = real.split(path.sep).includes('node_modules') ? null : real;
      }
    } catch {
      found = null;
    }
  }
  // Not linked here: what the folder above finds, asked once for all the folders below it.
  if (found === undefined) found = path.dirname(dir) === dir ? null : linkedPackage(path.dirname(dir), name);
  if (links.size >= MAX_CACHED_RESOLUTIONS) links.clear();
  links.set(key, found);
  return found;
}

/** What `linkedPackage` found, per folder and name, forgotten with the resolutions. */
const links = new Map<string, string | null>();

/**
 * The packages of the workspace a folder is in: the nearest `package.json` above it that lists
 * `workspaces` (npm, yarn) or has a `pnpm-workspace.yaml` beside it, with its package globs
 * expanded one or two levels (`packages/*`, `apps/*`, `examples/**`).
 */
function workspacePackages(dir: string): ReadonlyMap<string, string> | null {
  for (let current = dir; ; current = path.dirname(current)) {
    if (path.basename(current) === 'node_modules') return null;
    const known = workspaces.get(current);
    if (known !== undefined) {
      if (known) return known;
    } else {
      const globs = workspaceGlobs(current);
      const packages = globs ? expandWorkspace(current, globs) : null;
      workspaces.set(current, packages);
      if (packages) return packages;
    }
    if (path.dirname(current) === current) return null;
  }
}

/**
 * Whether a file's package is one of several in a workspace, whose other packages may import its
 * modules by a deep path (`@acme/server/src/app`) that `importersOf` does not look for.
 */
export function inWorkspace(file: string): boolean {
  const packages = workspacePackages(path.dirname(file));
  return packages !== null && packages.size > 1;
}

/** Where monorepos keep their packages, for a workspace whose list the analysis cannot read. */
const CONVENTIONAL_WORKSPACE = ['packages/*', 'apps/*', 'libs/*', 'services/*', 'examples/*', 'plugins/*', 'tools/*'];

function workspaceGlobs(dir: string): string[] | null {
  const manifest = manifestIn(dir);
  const declared = manifest?.json.workspaces;
  if (Array.isArray(declared)) return declared.filter((glob): glob is string => typeof glob === 'string');
  if (declared && typeof declared === 'object' && Array.isArray((declared as { packages?: unknown }).packages)) {
    return (declared as { packages: unknown[] }).packages.filter((glob): glob is string => typeof glob === 'string');
  }
  // lerna.json's `packages` lists the same globs.
  const lerna = path.join(dir, 'lerna.json');
  if (isFile(lerna)) {
    try {
      const { packages } = JSON.parse(fs.readFileSync(lerna, 'utf8')) as { packages?: unknown };
      if (Array.isArray(packages)) return packages.filter((glob): glob is string => typeof glob === 'string');
    } catch {
      // An unreadable lerna.json tells nothing.
    }
  }
  const pnpm = path.join(dir, 'pnpm-workspace.yaml');
  if (isFile(pnpm)) {
    try {
      const text = fs.readFileSync(pnpm, 'utf8');
      const block = /^packages:\s*\n((?:\s+-\s*.+\n?)+)/mu.exec(text);
      if (block) {
        return block[1]!
          .split('\n')
          .map((line) => /^\s+-\s*['"]?([^'"#\n]+?)['"]?\s*(?:#.*)?$/u.exec(line)?.[1])
          .filter((glob): glob is string => glob !== undefined && !glob.startsWith('!'));
      }
    } catch {
      return null;
    }
  }
  // A repository's root package (its folder holds `.git`, or nothing above it has a package.json)
  // with folders where monorepos keep their packages: a workspace whose list is elsewhere
  // (a pnpm-workspace.yaml that was not checked out, a tool's own config).
  const isRoot = isDirectory(path.join(dir, '.git')) || !nearestManifest(path.dirname(dir));
  if (manifest && isRoot && CONVENTIONAL_WORKSPACE.some((glob) => isDirectory(path.join(dir, glob.slice(0, -2))))) {
    return CONVENTIONAL_WORKSPACE;
  }
  return null;
}

function expandWorkspace(root: string, globs: readonly string[]): Map<string, string> {
  const packages = new Map<string, string>();
  const addPackage = (dir: string): void => {
    const name = manifestIn(dir)?.json.name;
    if (typeof name === 'string' && !packages.has(name)) packages.set(name, dir);
  };
  const children = (dir: string): string[] => {
    try {
      return fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.'))
        .map((entry) => path.join(dir, entry.name));
    } catch {
      return [];
    }
  };
  for (const glob of globs) {
    const clean = glob.replace(/^\.\//u, '').replace(/\/$/u, '');
    if (clean.startsWith('!')) continue;
    const parts = clean.split('/');
    let dirs = [root];
    for (const part of parts) {
      if (part === '**') {
        // Two levels down is as deep as workspaces go in practice.
        dirs = dirs.flatMap((dir) => [dir, ...children(dir), ...children(dir).flatMap(children)]);
      } else if (part.includes('*')) {
        const pattern = new RegExp(`^${part.split('*').map(escapeRegExp).join('.*')}$`, 'u');
        dirs = dirs.flatMap((dir) => children(dir).filter((child) => pattern.test(path.basename(child))));
      } else {
        dirs = dirs.map((dir) => path.join(dir, part));
      }
      if (dirs.length > 500) dirs = dirs.slice(0, 500);
    }
    for (const dir of dirs) addPackage(dir);
  }
  return packages;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * The names by which a file of a package would be imported from outside it, when its package is
 * one the adapters may know: `@modelcontextprotocol/sdk/server/sse.js` for `src/server/sse.ts` in
 * the SDK's own repository. Lets code that imports a package's modules by relative path (the
 * package's own examples, a vendored copy) be read as using that package.
 */
export function packageSpecifiersOf(file: string): readonly string[] {
  let known = ownSpecifiers.get(file);
  if (!known) {
    known = readPackageSpecifiers(file);
    ownSpecifiers.set(file, known);
  }
  return known;
}

/** What `packageSpecifiersOf` answered, forgotten with the resolutions. */
const ownSpecifiers = new Map<string, readonly string[]>();

function readPackageSpecifiers(file: string): string[] {
  const manifest = nearestManifest(path.dirname(file));
  const name = manifest?.json.name;
  if (!manifest || typeof name !== 'string') return [];
  const relative = path.relative(manifest.dir, file).split(path.sep).join('/');
  const withoutSource = relative.replace(/^(?:src|lib)\//u, '');
  const bare = withoutSource.replace(/\.[cm]?[jt]sx?$/u, '');
  const specifiers = new Set<string>();
  for (const subpath of [bare, `${bare}.js`]) specifiers.add(`${name}/${subpath}`);
  if (bare === 'index') specifiers.add(name);
  if (bare.endsWith('/index')) specifiers.add(`${name}/${bare.slice(0, -'/index'.length)}`);
  return [...specifiers];
}
