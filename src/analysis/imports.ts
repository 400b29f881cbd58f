import { ASTUtils, AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope, SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { bareSpecifier } from './module-graph';

const { ReferenceTracker } = ASTUtils;
export const { CALL, CONSTRUCT, READ } = ReferenceTracker;

/** A trace map as `ReferenceTracker` reads it: names lead deeper, `CALL`, `CONSTRUCT` and `READ` hold the info. */
export interface TraceMapNode<T> {
  readonly [CALL]?: T;
  readonly [CONSTRUCT]?: T;
  readonly [READ]?: T;
  readonly [name: string]: TraceMapNode<T>;
}
export type TraceMap<T> = Readonly<Record<string, TraceMapNode<T>>>;

interface FoundReference<T> {
  readonly node: TSESTree.Node;
  readonly info: T;
  readonly type: symbol;
}

/**
 * The tracker's methods this module uses. `iteratePropertyReferences`, which follows the
 * properties of one node as `iterateGlobalReferences` does from a global, is part of
 * eslint-utils' ReferenceTracker but not of typescript-eslint's declaration of it.
 */
interface Tracker {
  iterateEsmReferences<T>(traceMap: TraceMap<T>): IterableIterator<FoundReference<T>>;
  iteratePropertyReferences<T>(node: TSESTree.Node, traceMap: TraceMapNode<T>): IterableIterator<FoundReference<T>>;
}

export interface TrackedReference<T> {
  /** The call, `new` expression, or (for READ) the expression that evaluates to the export. */
  readonly node: TSESTree.Node;
  readonly info: T;
}

function createTracker(sourceCode: Readonly<SourceCode>): Tracker {
  // 'legacy' binds a CommonJS module's named imports too (`import { fastifyCors } from '@fastify/cors'`),
  // as Node and bundlers do.
  return new ReferenceTracker(sourceCode.scopeManager!.globalScope!, { mode: 'legacy' }) as unknown as Tracker;
}

/**
 * The identifiers that refer to a global: through its variable when the config declares it,
 * else through the unresolved references, so that a file linted without `globals` configured
 * (no `require`, `Response` or `process` declared) is tracked the same. A global that the file
 * assigns to is not trusted.
 */
export function globalReferences(sourceCode: Readonly<SourceCode>, name: string): TSESTree.Identifier[] {
  const globalScope = sourceCode.scopeManager!.globalScope!;
  const variable = globalScope.set.get(name);
  const references: Scope.Reference[] = variable
    ? variable.references
    : globalScope.through.filter((reference) => reference.identifier.name === name);
  if (references.some((reference) => reference.isWrite())) return [];
  return references.map((reference) => reference.identifier as TSESTree.Identifier);
}

/** Uses of globals (`Response`, `Headers`, `Object`), skipping names a local binding shadows. */
export function trackGlobals<T>(sourceCode: Readonly<SourceCode>, traceMap: TraceMap<T>): TrackedReference<T>[] {
  const tracker = createTracker(sourceCode);
  const found: TrackedReference<T>[] = [];
  for (const [name, subMap] of Object.entries(traceMap)) {
    for (const identifier of globalReferences(sourceCode, name)) {
      for (const reference of tracker.iteratePropertyReferences(identifier, subMap)) {
        found.push({ node: reference.node, info: reference.info });
      }
    }
  }
  return found;
}

/**
 * Every use of a module's exports that the trace map asks for, whether the file imports it
 * with `import` (default, named, renamed) or `require` (destructured, aliased, chained). What was
 * imported decides, never how a local name is spelled. READ entries yield each expression that
 * evaluates to the export (each read of the imported binding), not the import itself.
 */
export function trackModules<T>(sourceCode: Readonly<SourceCode>, map: TraceMap<T>): TrackedReference<T>[] {
  const traceMap = withAliasedSpecifiers(sourceCode, map);
  const tracker = createTracker(sourceCode);
  const seen = new Set<TSESTree.Node>();
  const found: TrackedReference<T>[] = [];
  const add = (node: TSESTree.Node, info: T): void => {
    if (seen.has(node)) return;
    seen.add(node);
    found.push({ node, info });
  };
  const addRead = (node: TSESTree.Node, info: T): void => {
    for (const read of bindingReads(sourceCode, node)) add(read, info);
  };

  for (const reference of tracker.iterateEsmReferences(traceMap)) {
    if (reference.type === READ) addRead(reference.node, reference.info);
    else add(reference.node, reference.info);
  }

  for (const identifier of globalReferences(sourceCode, 'require')) {
    const call = identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) continue;
    const [first] = call.arguments;
    const moduleName =
      first && first.type !== AST_NODE_TYPES.SpreadElement ? ASTUtils.getStringIfConstant(first) : null;
    if (!moduleName) continue;
    const subMap = traceMap[bareSpecifier(moduleName).replace(/^node:/u, '')];
    if (!subMap) continue;
    const readInfo = subMap[READ];
    if (readInfo) addRead(call, readInfo);
    for (const reference of tracker.iteratePropertyReferences(call, subMap)) {
      if (reference.type === READ) addRead(reference.node, reference.info);
      else add(reference.node, reference.info);
    }
  }
  return found;
}

/**
 * The trace map, with an entry for each specifier the file imports that names a module of the
 * map by another spelling: a Deno `npm:` or `jsr:` specifier (`npm:hono@4/cors` for `hono/cors`),
 * or an SDK subpath without its extension (`@modelcontextprotocol/sdk/server/sse`).
 */
function withAliasedSpecifiers<T>(sourceCode: Readonly<SourceCode>, traceMap: TraceMap<T>): TraceMap<T> {
  let extended: Record<string, TraceMap<T>[string]> | null = null;
  for (const statement of sourceCode.ast.body) {
    const source =
      statement.type === AST_NODE_TYPES.ImportDeclaration ||
      statement.type === AST_NODE_TYPES.ExportAllDeclaration ||
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration
        ? statement.source?.value
        : undefined;
    if (!source) continue;
    const bare = bareSpecifier(source);
    if (bare === source) continue;
    const entry = traceMap[bare];
    if (entry) (extended ??= { ...traceMap })[source] = entry;
  }
  return extended ?? traceMap;
}

/**
 * The expressions that evaluate to what an import or `require` gives: each read of the
 * imported binding, or the `require(...)` expression itself when it is used in place.
 */
function bindingReads(sourceCode: Readonly<SourceCode>, node: TSESTree.Node): TSESTree.Node[] {
  let declaring: TSESTree.Node | null = null;
  if (node.type === AST_NODE_TYPES.ImportDeclaration) {
    declaring = node.specifiers.find((specifier) => specifier.type !== AST_NODE_TYPES.ImportSpecifier) ?? null;
  } else if (node.type === AST_NODE_TYPES.ImportSpecifier || node.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
    declaring = node;
  } else if (node.parent?.type === AST_NODE_TYPES.VariableDeclarator && node.parent.init === node) {
    if (node.parent.id.type !== AST_NODE_TYPES.Identifier) return [];
    declaring = node.parent;
  } else {
    return [node];
  }
  if (!declaring) return [];
  return sourceCode
    .scopeManager!.getDeclaredVariables(declaring)
    .flatMap((variable) => variable.references)
    .filter((reference) => reference.isRead())
    .map((reference) => reference.identifier as TSESTree.Identifier);
}

/**
 * Whether a text says CORS or origin: `cors`, `origin`, `origins`, `allowedOrigin`, not the
 * English words `original` and `originate` (a test's `originalEnv`), which name no origin.
 */
export const MENTIONS_ORIGIN_OR_CORS = /cors|origin(?!al|at)/iu;

/**
 * A cheap first look at a file: does its text mention any of these words at all? Rules call
 * this before any scope work so that files about something else cost next to nothing.
 */
export function mentionsAny(sourceCode: Readonly<SourceCode>, pattern: RegExp): boolean {
  const caseless = caselessCopy(pattern);
  const text = caseless ? lowerText(sourceCode) : sourceCode.text;
  const words = leadingWords(caseless ?? pattern);
  // Most files hold none of the words a pattern starts with: `includes` says so many times faster.
  if (words && !words.some((word) => text.includes(word))) return false;
  return (caseless ?? pattern).test(text);
}

const leadingWordsOf = new WeakMap<RegExp, readonly string[] | null>();

/**
 * The word each alternative of a pattern starts with (after a `\b`), when every alternative starts
 * with one of three characters or more: `\benv\b|\bimport\b|\brequire\s*\(` gives `env`,
 * `import`, `require`. A text that holds none of them cannot match. `null` for other patterns.
 */
function leadingWords(pattern: RegExp): readonly string[] | null {
  let words = leadingWordsOf.get(pattern);
  if (words === undefined) {
    words = pattern.ignoreCase ? null : (splitAlternatives(pattern.source)?.map(leadingWord) ?? null);
    if (words?.some((word) => word.length < 3)) words = null;
    leadingWordsOf.set(pattern, words);
  }
  return words;
}

/** The top-level alternatives of a pattern's source, or `null` when it has a character class (not read here). */
function splitAlternatives(source: string): string[] | null {
  const alternatives: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') index++;
    else if (char === '[') return null;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) {
      alternatives.push(source.slice(start, index));
      start = index + 1;
    }
  }
  alternatives.push(source.slice(start));
  return alternatives;
}

/**
 * The literal word an alternative starts with: letters, digits, `_`, `-`, `:` and `@`, without a
 * last character that a quantifier makes optional (`colou?r` starts with `colo`).
 */
function leadingWord(alternative: string): string {
  const [whole, word] = /^(?:\\b)?([\w:@-]*)/u.exec(alternative)!;
  return /^[?*+{]/u.test(alternative.slice(whole.length)) ? word!.slice(0, -1) : word!;
}

const lowerTexts = new WeakMap<object, string>();

/** The file's text in lower case, made once for every case-insensitive look at it. */
function lowerText(sourceCode: Readonly<SourceCode>): string {
  let lower = lowerTexts.get(sourceCode.ast);
  if (lower === undefined) {
    lower = sourceCode.text.toLowerCase();
    lowerTexts.set(sourceCode.ast, lower);
  }
  return lower;
}

const caselessCopies = new WeakMap<RegExp, RegExp | null>();

/**
 * A case-insensitive pattern written in lower case, as a case-sensitive pattern for the lower-case
 * text (which V8 matches several times faster); `null` for a pattern that is not such (`\S`, `A`).
 */
function caselessCopy(pattern: RegExp): RegExp | null {
  let copy = caselessCopies.get(pattern);
  if (copy === undefined) {
    copy =
      pattern.ignoreCase && !pattern.global && !pattern.sticky && pattern.source === pattern.source.toLowerCase()
        ? new RegExp(pattern.source, pattern.flags.replace('i', ''))
        : null;
    caselessCopies.set(pattern, copy);
  }
  return copy;
}
