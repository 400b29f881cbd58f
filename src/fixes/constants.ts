import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer, SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { declaredClass } from '../analysis/ast';
import { aboveLeadingComments } from './edits';
import { requireSpecifier } from '../analysis/values';
import { fileStyle, quoted, statementEnd, type FileStyle } from './style';

/** A placeholder origin: obviously not the user's, so that nobody keeps it by accident. */
export const PLACEHOLDER_ORIGIN = 'https://app.example.com';

/** A module-level declaration a fix needs: its name, and its text when it is missing. */
export interface ModuleDeclaration {
  readonly name: string;
  readonly text: string;
  /** For an import, the module it names: it joins the file's imports, or that module's import. */
  readonly from?: string;
}

/**
 * The statement that imports `names` from `module` in this file's own style: an `import` in an ES
 * module, a destructuring `require` in CommonJS (or in a module that already uses `require`).
 */
export function importStatement(sourceCode: Readonly<SourceCode>, names: string, module: string): string {
  // A call of `require`, not the word in a comment.
  const requires = sourceCode.ast.tokens.some(
    (token, index) =>
      token.type === 'Identifier' && token.value === 'require' && sourceCode.ast.tokens[index + 1]?.value === '(',
  );
  const esm = sourceCode.ast.sourceType === 'module' && !requires;
  const style = fileStyle(sourceCode);
  const name = quoted(module, style);
  const end = statementEnd(style);
  return esm ? `import { ${names} } from ${name}${end}` : `const { ${names} } = require(${name})${end}`;
}

/** The declaration of a name imported from `module`, written as `importStatement` writes it. */
export function importDeclaration(sourceCode: Readonly<SourceCode>, name: string, module: string): ModuleDeclaration {
  return { name, text: importStatement(sourceCode, name, module), from: module };
}

/** Whether the file is TypeScript, where inserted code may carry type annotations. */
export function isTypeScriptFile(filename: string): boolean {
  return /\.[cm]?tsx?$/u.test(filename);
}

/**
 * Module-level declarations for a fix to refer to. A name already bound where the fix uses it is
 * not declared again: fixes name their declarations with `claimNames()`, which keeps a name only
 * where it is free or declared just as the fix would declare it. A missing import joins the file's
 * import of its module (a named `import { … }` or destructuring `require`), or else follows the
 * imports and `require`s at the top of the file. The other missing declarations go, in order, at
 * one place per file, so that when several reports need the same declaration their fixes overlap
 * and ESLint applies one per pass, instead of declaring it twice. That place is before or after the
 * top-level statement of the rule's first report in the file (which keeps the fix away from other
 * rules' fixes elsewhere; after it only for what is read at request time), or else after the
 * imports, `require`s and directives at the top.
 */
export function ensureModuleDeclarations(
  fixer: RuleFixer,
  sourceCode: Readonly<SourceCode>,
  usedAt: TSESTree.Node,
  declarations: readonly ModuleDeclaration[],
  place?: { readonly before: TSESTree.ProgramStatement } | { readonly after: TSESTree.ProgramStatement },
): RuleFix[] {
  const scope = sourceCode.getScope(usedAt);
  const missing = declarations.filter(({ name }) => !ASTUtils.findVariable(scope, name));
  if (missing.length === 0) return [];
  const imports = missing.filter((declaration) => declaration.from !== undefined);
  const others = missing.filter((declaration) => declaration.from === undefined);
  const fixes = imports.map((declaration) => importFix(fixer, sourceCode, declaration, usedAt));
  if (others.length === 0) return fixes;
  const text = others.map((declaration) => declaration.text).join('\n\n');
  if (place && 'after' in place) {
    // Only read when a request comes in, so they may follow the code that uses them.
    return [...fixes, fixer.insertTextAfter(place.after, `\n\n${text}`)];
  }
  const first = place?.before ?? sourceCode.ast.body.find((statement) => !isPreamble(statement));
  return [...fixes, insertBeforeStatement(fixer, sourceCode, first, text)];
}

/** `text` as statements of their own before `statement` (and its comments), or at the end of the file. */
function insertBeforeStatement(
  fixer: RuleFixer,
  sourceCode: Readonly<SourceCode>,
  statement: TSESTree.ProgramStatement | undefined,
  text: string,
): RuleFix {
  if (!statement) {
    const last = sourceCode.ast.body.at(-1);
    return last ? fixer.insertTextAfter(last, `\n\n${text}\n`) : fixer.insertTextAfterRange([0, 0], `${text}\n`);
  }
  // A comment right above the statement (its JSDoc, say) stays with it.
  const anchor = aboveLeadingComments(sourceCode, sourceCode.getFirstToken(leadingDecorator(statement) ?? statement)!);
  // Keep a blank line between the code above and the new declarations.
  const lineStart = sourceCode.text.lastIndexOf('\n', anchor.range[0] - 1);
  const previousLine =
    lineStart <= 0 ? '' : sourceCode.text.slice(sourceCode.text.lastIndexOf('\n', lineStart - 1) + 1, lineStart);
  const separator = previousLine.trim() === '' ? '' : '\n';
  return fixer.insertTextBeforeRange(anchor.range, `${separator}${text}\n\n`);
}

/**
 * The edit that imports a declaration's name: into the file's import of the same module (`crypto`
 * and `node:crypto` are one), or as a statement after the last import or `require` at the top.
 */
function importFix(
  fixer: RuleFixer,
  sourceCode: Readonly<SourceCode>,
  declaration: ModuleDeclaration,
  usedAt: TSESTree.Node,
): RuleFix {
  const module = bareModule(declaration.from!);
  const preamble: TSESTree.ProgramStatement[] = [];
  for (const statement of sourceCode.ast.body) {
    if (!isPreamble(statement)) break;
    preamble.push(statement);
  }
  for (const statement of sourceCode.ast.body) {
    // An `import` is hoisted; a `require` binds its names only when it runs, before their use.
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration && statement.range[1] > usedAt.range[0]) continue;
    const names = namedImportsOf(statement, module);
    if (names) return addName(fixer, sourceCode, names, declaration.name);
  }
  // After the imports and `require`s at the top; in a module whose imports follow other code
  // (`process.title = …; import express from 'express'`), after its last import.
  const last =
    preamble.findLast((statement) => statement.type !== AST_NODE_TYPES.ExpressionStatement) ??
    sourceCode.ast.body.findLast((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration);
  if (last) return fixer.insertTextAfter(last, `\n${declaration.text}`);
  const directive = preamble.at(-1);
  if (directive) return fixer.insertTextAfter(directive, `\n\n${declaration.text}`);
  return insertBeforeStatement(fixer, sourceCode, sourceCode.ast.body[0], declaration.text);
}

/** A module's name without Node's `node:` scheme. */
function bareModule(module: string): string {
  return module.startsWith('node:') ? module.slice('node:'.length) : module;
}

/**
 * The named bindings of a statement that imports values from `module`: `import { a } from …`
 * (not `import type`, not a namespace) or `const { a } = require(…)`.
 */
function namedImportsOf(
  statement: TSESTree.ProgramStatement,
  module: string,
): TSESTree.ImportSpecifier[] | TSESTree.ObjectPattern | null {
  if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
    if (statement.importKind === 'type' || bareModule(statement.source.value) !== module) return null;
    const named = statement.specifiers.filter(
      (specifier): specifier is TSESTree.ImportSpecifier => specifier.type === AST_NODE_TYPES.ImportSpecifier,
    );
    const namespace = statement.specifiers.some(
      (specifier) => specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier,
    );
    return named.length > 0 && !namespace ? named : null;
  }
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.declarations.length !== 1) return null;
  const [{ id, init }] = statement.declarations as [TSESTree.VariableDeclarator];
  const required = init ? requireSpecifier(init) : null;
  if (
    id.type !== AST_NODE_TYPES.ObjectPattern ||
    id.properties.length === 0 ||
    id.properties.some((property) => property.type === AST_NODE_TYPES.RestElement) ||
    required === null ||
    bareModule(required) !== module
  ) {
    return null;
  }
  return id;
}

/** `name` added after the last of an import's names, on its own line when they are on theirs. */
function addName(
  fixer: RuleFixer,
  sourceCode: Readonly<SourceCode>,
  names: TSESTree.ImportSpecifier[] | TSESTree.ObjectPattern,
  name: string,
): RuleFix {
  const last = Array.isArray(names) ? names.at(-1)! : names.properties.at(-1)!;
  const after = sourceCode.getTokenAfter(last)!;
  const multiline = sourceCode.getTokenAfter(after.value === ',' ? after : last)!.loc.start.line > last.loc.end.line;
  if (!multiline) return fixer.insertTextAfter(last, `, ${name}`);
  const indent = sourceCode.lines[last.loc.start.line - 1]!.slice(0, last.loc.start.column);
  return after.value === ','
    ? fixer.insertTextAfter(after, `\n${indent}${name},`)
    : fixer.insertTextAfter(last, `,\n${indent}${name}`);
}

/** What opens a module before its code: directives, imports, and `const x = require('x')`. */
function isPreamble(statement: TSESTree.ProgramStatement): boolean {
  if (statement.type === AST_NODE_TYPES.ImportDeclaration) return true;
  if (statement.type === AST_NODE_TYPES.ExpressionStatement) return statement.directive !== undefined;
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return false;
  return statement.declarations.every((declarator) => declarator.init !== null && isRequireCall(declarator.init));
}

function isRequireCall(node: TSESTree.Node): boolean {
  let current = node;
  while (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
  return (
    current.type === AST_NODE_TYPES.CallExpression &&
    current.callee.type === AST_NODE_TYPES.Identifier &&
    current.callee.name === 'require'
  );
}

/**
 * One module-level `const name = init;`, or its name when the file declares it so already (or
 * holds a string constant of its own by that name: the user's own origin, say); under a free
 * name of its own (`NAME_2`) when the name is taken otherwise. `null` when no name is free.
 */
export function ensureModuleConstant(
  fixer: RuleFixer,
  sourceCode: Readonly<SourceCode>,
  usedAt: TSESTree.Node,
  name: string,
  initText: string,
): { name: string; fixes: RuleFix[] } | null {
  const existing = existingBinding(sourceCode, usedAt, name);
  if (
    existing.kind === 'module' &&
    existing.init?.type === AST_NODE_TYPES.Literal &&
    typeof existing.init.value === 'string' &&
    existing.init.value !== '*' &&
    (existing.init.parent as TSESTree.VariableDeclarator).parent.kind === 'const'
  ) {
    return { name, fixes: [] };
  }
  const claimed = claimNames(sourceCode, usedAt, { name }, (names) => ({
    name: { name: names.name, text: `const ${names.name} = ${initText}${statementEnd(fileStyle(sourceCode))}` },
  }));
  if (!claimed) return null;
  return {
    name: claimed.names.name,
    fixes: ensureModuleDeclarations(fixer, sourceCode, usedAt, claimed.declarations),
  };
}

/** What a name already means where a fix would use it. */
export type ExistingBinding =
  /** Unbound: the fix declares it. */
  | { readonly kind: 'none' }
  /** A module-level binding the fix can refer to; `init` is its value when the file shows it. */
  | { readonly kind: 'module'; readonly init: TSESTree.Expression | null }
  /** Bound in an inner scope, which would hide a module-level declaration. */
  | { readonly kind: 'shadowed' };

interface BoundVariable {
  scope: { block: TSESTree.Node };
  defs: { type: string; node: TSESTree.Node; parent?: TSESTree.Node | null }[];
}

function boundVariable(sourceCode: Readonly<SourceCode>, usedAt: TSESTree.Node, name: string): BoundVariable | null {
  return ASTUtils.findVariable(sourceCode.getScope(usedAt), name) as BoundVariable | null;
}

export function existingBinding(
  sourceCode: Readonly<SourceCode>,
  usedAt: TSESTree.Node,
  name: string,
): ExistingBinding {
  const variable = boundVariable(sourceCode, usedAt, name);
  if (!variable) return { kind: 'none' };
  // The program's own scope: `module`, `global`, or CommonJS's function scope around the file.
  if (variable.scope.block.type !== AST_NODE_TYPES.Program) return { kind: 'shadowed' };
  const def = variable.defs[0];
  const init = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator).init : null;
  return { kind: 'module', init };
}

/**
 * Whether a declaration can be written for use at `usedAt`: `'free'` when its name is unbound
 * there (and no code of the file reads it as a global), `'same'` when the file already declares
 * it as the fix would (the same code, comments and layout aside, or the same import), else
 * `'taken'`: a binding of the user's own, which the fix must not call in its place.
 */
export function bindingState(
  sourceCode: Readonly<SourceCode>,
  usedAt: TSESTree.Node,
  declaration: ModuleDeclaration,
): 'free' | 'same' | 'taken' {
  const { name } = declaration;
  const variable = boundVariable(sourceCode, usedAt, name);
  if (!variable) {
    const globals = sourceCode.scopeManager?.globalScope?.through ?? [];
    return globals.some((reference) => reference.identifier.name === name) ? 'taken' : 'free';
  }
  if (variable.scope.block.type !== AST_NODE_TYPES.Program || variable.defs.length !== 1) return 'taken';
  const def = variable.defs[0]!;
  if (declaration.from !== undefined) return importsSame(def, name, declaration.from) ? 'same' : 'taken';
  const statement = def.type === 'FunctionName' ? def.node : def.type === 'Variable' && def.parent ? def.parent : null;
  if (!statement) return 'taken';
  const written = sourceCode
    .getTokens(statement)
    .map((token) => token.value)
    .join('');
  return sameCode(written, withoutComments(declaration.text)) ? 'same' : 'taken';
}

/** Whether a binding is `name` imported (or destructured from `require`) from `module`. */
function importsSame(def: BoundVariable['defs'][number], name: string, module: string): boolean {
  const wanted = bareModule(module);
  if (def.type === 'ImportBinding') {
    const specifier = def.node;
    const statement = specifier.parent;
    return (
      specifier.type === AST_NODE_TYPES.ImportSpecifier &&
      statement?.type === AST_NODE_TYPES.ImportDeclaration &&
      bareModule(statement.source.value) === wanted &&
      (specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value) ===
        name
    );
  }
  if (def.type !== 'Variable') return false;
  const declarator = def.node as TSESTree.VariableDeclarator;
  const required = declarator.init ? requireSpecifier(declarator.init) : null;
  return (
    required !== null &&
    bareModule(required) === wanted &&
    declarator.id.type === AST_NODE_TYPES.ObjectPattern &&
    declarator.id.properties.some(
      (property) =>
        property.type === AST_NODE_TYPES.Property &&
        !property.computed &&
        property.key.type === AST_NODE_TYPES.Identifier &&
        property.key.name === name &&
        property.value.type === AST_NODE_TYPES.Identifier &&
        property.value.name === name,
    )
  );
}

/** Whether two texts of code are the same once a formatter's choices are set aside. */
function sameCode(a: string, b: string): boolean {
  const normal = (text: string): string => text.replace(/[\s;,]/gu, '').replaceAll('"', "'");
  return normal(a) === normal(b);
}

/** The text of code the fixes write without its comments (which they put outside strings only). */
function withoutComments(text: string): string {
  let result = '';
  let quote: string | null = null;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quote) {
      result += char;
      if (char === '\\') result += text[++index] ?? '';
      else if (char === quote) quote = null;
    } else if (text.startsWith('/*', index)) {
      const end = text.indexOf('*/', index + 2);
      index = end === -1 ? text.length : end + 1;
    } else if (text.startsWith('//', index)) {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end - 1;
    } else {
      if (char === "'" || char === '"' || char === '`') quote = char;
      result += char;
    }
  }
  return result;
}

/**
 * The `n`th name to try (from 1): the wanted names in order, then `name2`, `name3`, … after the
 * last (`NAME_2` for a constant's name in capitals).
 */
function candidateName(wanted: string | readonly string[], n: number): string {
  const names = typeof wanted === 'string' ? [wanted] : wanted;
  if (n <= names.length) return names[n - 1]!;
  const last = names.at(-1)!;
  const suffix = n - names.length + 1;
  return /^[A-Z0-9_]+$/u.test(last) ? `${last}_${suffix}` : `${last}${suffix}`;
}

/**
 * Names for the module-level declarations a fix writes, whose texts may name each other: for
 * each, the first wanted name that is free or already declared just so (then not declared
 * again), else the first free `name2`, `name3`, … (`NAME_2` …), so that the fix never calls, or
 * stacks on, a binding of the user's own that shares its name. `build` writes the declarations
 * for given names; the answer holds the names chosen and the declarations still to write, in
 * `build`'s order, or `null` when no free names are found.
 */
export function claimNames<Key extends string>(
  sourceCode: Readonly<SourceCode>,
  usedAt: TSESTree.Node,
  wanted: Readonly<Record<Key, string | readonly string[]>>,
  build: (names: Readonly<Record<Key, string>>) => Readonly<Record<Key, ModuleDeclaration>>,
): { names: Record<Key, string>; declarations: ModuleDeclaration[] } | null {
  const keys = Object.keys(wanted) as Key[];
  const tries = Object.fromEntries(keys.map((key) => [key, 1])) as Record<Key, number>;
  for (let round = 0; round < 20; round++) {
    const names = Object.fromEntries(keys.map((key) => [key, candidateName(wanted[key], tries[key])])) as Record<
      Key,
      string
    >;
    const built = build(names);
    const states = keys.map((key) => bindingState(sourceCode, usedAt, built[key]));
    if (!states.includes('taken')) {
      return { names, declarations: keys.filter((_, index) => states[index] === 'free').map((key) => built[key]) };
    }
    keys.forEach((key, index) => {
      if (states[index] === 'taken') tries[key] += 1;
    });
  }
  return null;
}

/** The shape of an allowlist the file already has: an array or a `Set`, or `null` for anything else. */
export function allowlistShape(init: TSESTree.Expression | null): 'array' | 'set' | null {
  let value: TSESTree.Node | null = init;
  while (
    value &&
    (value.type === AST_NODE_TYPES.TSAsExpression ||
      value.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      value.type === AST_NODE_TYPES.TSNonNullExpression)
  ) {
    value = value.expression;
  }
  if (value?.type === AST_NODE_TYPES.ArrayExpression) return 'array';
  if (
    value?.type === AST_NODE_TYPES.NewExpression &&
    value.callee.type === AST_NODE_TYPES.Identifier &&
    value.callee.name === 'Set'
  ) {
    return 'set';
  }
  return null;
}

export const ALLOWLIST_NAMES = ['ALLOWED_ORIGINS', 'ALLOWED_CORS_ORIGINS'] as const;

/**
 * `const NAME: string[] = ['…'];` in the file's style (the annotation in TypeScript only, so that an
 * empty list is not `never[]`).
 */
export function allowlistDeclaration(
  name: string,
  origins: readonly string[],
  typescript: boolean,
  style: FileStyle,
): ModuleDeclaration {
  const list = origins.map((origin) => quoted(origin, style)).join(', ');
  return { name, text: `const ${name}${typescript ? ': string[]' : ''} = [${list}]${statementEnd(style)}` };
}

/**
 * An array allowlist constant a fix can hand to a CORS middleware: an existing module-level
 * `ALLOWED_ORIGINS` array, or a new one, or (when that name is taken by something else, such as a
 * `Set`, which the middlewares would take as "allow all") `ALLOWED_CORS_ORIGINS`, or else the first
 * free `ALLOWED_CORS_ORIGINS_2`, … . `null` when no name can be used.
 */
export function arrayAllowlist(
  sourceCode: Readonly<SourceCode>,
  usedAt: TSESTree.Node,
  origins: readonly string[],
  typescript: boolean,
): { name: string; declarations: ModuleDeclaration[] } | null {
  for (const name of ALLOWLIST_NAMES) {
    const existing = existingBinding(sourceCode, usedAt, name);
    if (existing.kind === 'module' && allowlistShape(existing.init) === 'array') return { name, declarations: [] };
  }
  const claimed = claimNames(sourceCode, usedAt, { list: ALLOWLIST_NAMES }, ({ list }) => ({
    list: allowlistDeclaration(list, origins, typescript, fileStyle(sourceCode)),
  }));
  return claimed && { name: claimed.names.list, declarations: claimed.declarations };
}

/**
 * A decorator written before `export` (`@Controller() export class …`) belongs to the class but
 * comes before the statement's own first token: what goes above the statement goes above it.
 */
function leadingDecorator(statement: TSESTree.ProgramStatement): TSESTree.Decorator | undefined {
  const decorator = declaredClass(statement)?.decorators[0];
  return decorator && decorator.range[0] < statement.range[0] ? decorator : undefined;
}
