import path from 'node:path';
import { ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import type { Scope, SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { visitorKeys as typescriptVisitorKeys } from '@typescript-eslint/visitor-keys';

/**
 * Every module the analysis reads, the linted file's and each one it follows an import into, is
 * known by its Program node. A node reaches its Program through its parents, so any helper can
 * ask for the scope or the text of any node, in whichever module it lies, without being handed a
 * `SourceCode`: values cross modules and the helpers follow them without knowing.
 */
export interface ModuleRecord {
  readonly code: Readonly<SourceCode>;
  /** The module's path on disk; `null` for code that is not in a file (an editor buffer, a test). */
  readonly file: string | null;
  /** Whether ESLint is linting this module now: only its nodes can be reported and fixed. */
  readonly linted: boolean;
}

const records = new WeakMap<TSESTree.Program, ModuleRecord>();
/** The module ESLint lints now. */
let current: TSESTree.Program | null = null;

export function registerModule(record: ModuleRecord): void {
  records.set(record.code.ast, record);
  if (!record.linted) return;
  // The module linted before is now one the analysis may read, as another module's code.
  const previous = current && current !== record.code.ast ? records.get(current) : undefined;
  if (previous) records.set(current!, { ...previous, linted: false });
  current = record.code.ast;
}

/** The Program a node belongs to. */
export function programOf(node: TSESTree.Node): TSESTree.Program {
  let current = node;
  while (current.parent) current = current.parent;
  return current as TSESTree.Program;
}

export function moduleOf(node: TSESTree.Node): ModuleRecord {
  const record = records.get(programOf(node));
  if (!record) throw new Error(`mcp-cors: a node of an unregistered module (${node.type})`);
  return record;
}

export function codeOf(node: TSESTree.Node): Readonly<SourceCode> {
  return moduleOf(node).code;
}

/** The innermost scope that holds a node. */
export function scopeOf(node: TSESTree.Node): Scope.Scope {
  return codeOf(node).getScope(node);
}

/** The source text of a node, as written. */
export function textOf(node: TSESTree.Node | TSESTree.Token): string {
  return codeOf(node as TSESTree.Node).getText(node);
}

/**
 * The variable a name refers to where it is written, or `null` for an undeclared global: looked up
 * from the innermost scope that holds the name outwards. (`findVariable` given the node would
 * first search the child scopes of that scope for one around it, each time: linear in the
 * functions of a module, for every name looked up in it.)
 */
export function variableOf(id: TSESTree.Identifier): Scope.Variable | null {
  for (let scope: Scope.Scope | null = scopeOf(id); scope; scope = scope.upper) {
    const variable = scope.set.get(id.name);
    if (variable) return variable;
  }
  return null;
}

/** The variables a declaration, a function or an import declares. */
export function declaredVariables(node: TSESTree.Node): readonly Scope.Variable[] {
  return codeOf(node).scopeManager!.getDeclaredVariables(node);
}

/** The value of an expression when the code fixes it (literals, constants, simple operations), else `null`. */
export function staticValue(node: TSESTree.Node): { value: unknown } | null {
  return ASTUtils.getStaticValue(node, scopeOf(node));
}

/** The static name of a property, a member or a method, or `null` when it is computed from something unknown. */
export function propertyName(
  node: TSESTree.Property | TSESTree.MemberExpression | TSESTree.MethodDefinition | TSESTree.PropertyDefinition,
): string | null {
  return ASTUtils.getPropertyName(node, scopeOf(node));
}

/** The name an identifier is, or the property a member expression reads (`serve` of `Bun.serve`). */
export function nameOf(node: TSESTree.Node): string | null {
  if (node.type === 'Identifier') return node.name;
  return node.type === 'MemberExpression' ? propertyName(node) : null;
}

/** Whether a node lies in the file ESLint is linting, where reports and fixes can go. */
export function isLinted(node: TSESTree.Node): boolean {
  return moduleOf(node).linted;
}

/**
 * The visitor keys of every node the analysis meets: typescript-eslint's, a superset of ESLint's
 * own, so that a walk reaches every child whichever parser made the tree.
 */
export const visitorKeys: Readonly<Record<string, readonly string[] | undefined>> = typescriptVisitorKeys;

/**
 * Where a node is, for a message about a value or a check that lives in another module:
 * `src/config.ts:12`, relative to the working directory; but `./utils/cors.ts:16`, relative to the
 * linted file's folder, where the two files share more than a top-level folder (a package deep in
 * a monorepo), the module lies in that folder, below it or up to two folders up, and that is
 * shorter; and where the module lies outside the working directory.
 */
export function placeOf(node: TSESTree.Node, linted: { readonly cwd: string; readonly filename: string }): string {
  const { file } = moduleOf(node);
  const line = node.loc.start.line;
  if (!file) return `line ${line}`;
  const posix = (relative: string): string => relative.split(path.sep).join('/');
  const fromCwd = posix(path.relative(linted.cwd, file));
  const fromFolder = posix(path.relative(path.dirname(linted.filename), file));
  const beside = fromFolder.startsWith('../') ? fromFolder : `./${fromFolder}`;
  if (fromCwd.startsWith('../') || path.isAbsolute(fromCwd)) return `${beside}:${line}`;
  const folders = posix(path.relative(linted.cwd, path.dirname(linted.filename))).split('/');
  const shared = folders.findIndex((folder, index) => fromCwd.split('/')[index] !== folder);
  const deep = (shared === -1 ? folders.length : shared) >= 2;
  const near = !beside.startsWith('../../../');
  return `${deep && near && beside.length < fromCwd.length ? beside : fromCwd}:${line}`;
}
