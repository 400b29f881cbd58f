import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import {
  bareSpecifier,
  declaresOwnFunction,
  expireResolutions,
  importersOf,
  isPackageEntry,
  LintSession,
  packageLoadsComputedModules,
  packageSpecifiersOf,
  resolveSpecifier,
} from './module-graph';
import { moduleIndex } from './module-index';
import { codeOf, declaredVariables, moduleOf, propertyName, variableOf } from './program';
import { requireSpecifier } from './values';
import { knownModules } from './known-modules';

/**
 * Imports and exports across the modules of a project: what an imported name stands for (an
 * expression in the module that exports it, or a package the adapters know by name), through
 * `export … from`, `export *`, renamed exports, CommonJS `module.exports` and `require`.
 */

let session = new LintSession();
let sessionCount = 0;

/** Starts the work for a new linted file (each cached module is checked against the disk once per file). */
export function startSession(): void {
  expireResolutions();
  session = new LintSession();
  sessionCount++;
  usesMemo.clear();
}

/**
 * `compute`, remembered for each key during one linted file's work: what other modules say may
 * change between two files (the modules that import a module, the calls of a method).
 */
export function perLintedFile<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const memo = new WeakMap<K, { readonly session: number; readonly value: V }>();
  return (key) => {
    const known = memo.get(key);
    if (known?.session === sessionCount) return known.value;
    const value = compute(key);
    memo.set(key, { session: sessionCount, value });
    return value;
  };
}

/**
 * `perLintedFile` for a key that is a name, such as a module's path: what the modules of a
 * package say, read once per linted file however many of its routes ask.
 */
export function perLintedFileByName<V>(compute: (key: string) => V): (key: string) => V {
  let memo = new Map<string, V>();
  let memoSession = sessionCount;
  return (key) => {
    if (memoSession !== sessionCount) {
      memo = new Map();
      memoSession = sessionCount;
    }
    if (memo.has(key)) return memo.get(key)!;
    const value = compute(key);
    memo.set(key, value);
    return value;
  };
}

/** A module of the project, parsed (and cached) for the linted file's analysis; `null` when it cannot be read. */
export function loadModule(file: string): TSESTree.Program | null {
  return session.load(file);
}

/** How deep re-export chains are followed. */
const MAX_HOPS = 12;

/**
 * A package, or a name exported by one, that the project does not hold as source: `{ module:
 * 'express', names: [] }`.
 */
export interface ExternalRef {
  readonly module: string;
  /** The property path below the module: `['Router']` for `express.Router`, `['default']` for a default import. */
  readonly names: readonly string[];
}

/** One module's exports, read once. */
interface ExportTable {
  /** Name → what it stands for: a node of this module, or a name of another module. */
  readonly names: ReadonlyMap<string, ExportEntry>;
  /** `export * from '…'` specifiers. */
  readonly stars: readonly string[];
  /** `module.exports = value` (a CommonJS module's whole export), if any. */
  readonly commonjs: TSESTree.Node | null;
  /** Whether it sets `exports.x` or `module.exports.x`. */
  readonly exportsAssigned: boolean;
}

type ExportEntry =
  /** A node of the exporting module: a local name, a declaration, or a value. */
  | { readonly kind: 'local'; readonly node: TSESTree.Node }
  /** `export { name } from 'specifier'`, or `export * as name from 'specifier'` (`name: '*'`). */
  | { readonly kind: 'from'; readonly specifier: string; readonly name: string };

const tables = new WeakMap<TSESTree.Program, ExportTable>();

/** The names a module exports (`default` among them where it has one), as `exportedBy` reads them. */
export function exportedNamesOf(program: TSESTree.Program): string[] {
  return [...exportTable(program).names.keys()];
}

function exportTable(program: TSESTree.Program): ExportTable {
  let table = tables.get(program);
  if (!table) {
    table = readExports(program);
    tables.set(program, table);
  }
  return table;
}

/** The name an import or export specifier writes: `name`, or `'name'` as a string (`export { x as 'a-b' }`). */
export const exportName = (node: TSESTree.Identifier | TSESTree.StringLiteral): string =>
  node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;

function readExports(program: TSESTree.Program): ExportTable {
  const names = new Map<string, ExportEntry>();
  const stars: string[] = [];
  let commonjs: TSESTree.Node | null = null;
  let exportsAssigned = false;
  for (const statement of program.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.ExportNamedDeclaration: {
        const { declaration } = statement;
        if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
          for (const declarator of declaration.declarations) {
            for (const id of patternIdentifiers(declarator.id)) names.set(id.name, { kind: 'local', node: id });
          }
        } else if (
          (declaration?.type === AST_NODE_TYPES.FunctionDeclaration ||
            declaration?.type === AST_NODE_TYPES.ClassDeclaration ||
            declaration?.type === AST_NODE_TYPES.TSEnumDeclaration) &&
          declaration.id
        ) {
          names.set(declaration.id.name, { kind: 'local', node: declaration.id });
        }
        for (const specifier of statement.specifiers) {
          const exported = exportName(specifier.exported);
          const local = exportName(specifier.local);
          names.set(
            exported,
            statement.source
              ? { kind: 'from', specifier: statement.source.value, name: local }
              : { kind: 'local', node: specifier.local },
          );
        }
        break;
      }
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        names.set('default', { kind: 'local', node: statement.declaration });
        break;
      case AST_NODE_TYPES.ExportAllDeclaration:
        if (statement.exported) {
          names.set(exportName(statement.exported), { kind: 'from', specifier: statement.source.value, name: '*' });
        } else {
          stars.push(statement.source.value);
        }
        break;
      case AST_NODE_TYPES.ExpressionStatement: {
        // `module.exports = value`, `module.exports.x = value`, `exports.x = value`
        const expression = statement.expression;
        if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=') break;
        const target = expression.left;
        if (isModuleExports(target)) {
          commonjs = expression.right;
          if (expression.right.type === AST_NODE_TYPES.ObjectExpression) {
            for (const property of expression.right.properties) {
              if (property.type !== AST_NODE_TYPES.Property) continue;
              const key = propertyName(property);
              if (key !== null) names.set(key, { kind: 'local', node: property.value });
            }
          }
        } else if (
          target.type === AST_NODE_TYPES.MemberExpression &&
          (isModuleExports(target.object) ||
            (target.object.type === AST_NODE_TYPES.Identifier && target.object.name === 'exports'))
        ) {
          const key = propertyName(target);
          if (key !== null) names.set(key, { kind: 'local', node: expression.right });
          exportsAssigned = true;
        }
        break;
      }
      default:
        break;
    }
  }
  return { names, stars, commonjs, exportsAssigned };
}

/** `module.exports`. */
export function isModuleExports(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === 'module' &&
    !node.computed &&
    node.property.type === AST_NODE_TYPES.Identifier &&
    node.property.name === 'exports'
  );
}

/**
 * The name under which a CommonJS module exports a value written here: `'name'` in
 * `module.exports = { name }` (or `{ name: value }`), `module.exports.name = value` and
 * `exports.name = value`; `'default'` in `module.exports = value`. `null` for anything else.
 */
export function commonJsExportName(node: TSESTree.Node): string | null {
  let value = node;
  let key: string | null = null;
  const property = value.parent;
  if (property?.type === AST_NODE_TYPES.Property && property.value === value && !property.computed) {
    key = propertyName(property);
    if (key === null || property.parent?.type !== AST_NODE_TYPES.ObjectExpression) return null;
    value = property.parent;
  }
  const assignment = value.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.right !== value) return null;
  if (assignment.parent?.type !== AST_NODE_TYPES.ExpressionStatement) return null;
  const target = assignment.left;
  if (isModuleExports(target)) return key ?? (value === node ? 'default' : null);
  if (key !== null || target.type !== AST_NODE_TYPES.MemberExpression) return null;
  const exportsObject =
    isModuleExports(target.object) ||
    (target.object.type === AST_NODE_TYPES.Identifier && target.object.name === 'exports');
  return exportsObject ? propertyName(target) : null;
}

/** The names a binding pattern declares. */
export function patternIdentifiers(pattern: TSESTree.Node): TSESTree.Identifier[] {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      return [pattern];
    case AST_NODE_TYPES.ObjectPattern:
      return pattern.properties.flatMap((property) =>
        patternIdentifiers(property.type === AST_NODE_TYPES.Property ? property.value : property.argument),
      );
    case AST_NODE_TYPES.ArrayPattern:
      return pattern.elements.flatMap((element) => (element ? patternIdentifiers(element) : []));
    case AST_NODE_TYPES.AssignmentPattern:
      return patternIdentifiers(pattern.left);
    case AST_NODE_TYPES.RestElement:
      return patternIdentifiers(pattern.argument);
    default:
      return [];
  }
}

/** What a module specifier names from a module: a Program of the project, or an installed package. */
export type ModuleTarget =
  | { readonly kind: 'program'; readonly program: TSESTree.Program }
  | { readonly kind: 'external'; readonly module: string };

/**
 * Which modules of the project a lookup may read: those it could find what it looks for through.
 * A module it may not read stands for nothing, as one that does not resolve.
 */
export type ModuleFilter = (file: string) => boolean;

/** The file of the project a specifier names from the module that holds `from`, or `null`. */
function resolveFrom(from: TSESTree.Node, specifier: string): string | null {
  const { file } = moduleOf(from);
  return file ? resolveSpecifier(file, specifier) : null;
}

/** The module a specifier names from the module that holds `from`. */
export function moduleTarget(from: TSESTree.Node, specifier: string, follow?: ModuleFilter): ModuleTarget | null {
  const resolved = resolveFrom(from, specifier);
  if (!resolved) {
    return specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('#')
      ? null
      : { kind: 'external', module: bareSpecifier(specifier).replace(/^node:/u, '') };
  }
  if (follow && !follow(resolved)) return null;
  const program = session.load(resolved);
  return program ? { kind: 'program', program } : null;
}

/** What an exported name of a module stands for. */
export type Exported =
  /**
   * A node of the exporting module (an identifier to resolve there, a declaration, an expression),
   * or the Program for a namespace.
   */
  { readonly kind: 'node'; readonly node: TSESTree.Node } | { readonly kind: 'external'; readonly ref: ExternalRef };

/**
 * What `name` exported by a module stands for (`'*'` for the namespace itself, `'default'` for the
 * default export), following re-exports. A CommonJS module's `module.exports` is its default and
 * its namespace.
 */
export function exportedBy(target: ModuleTarget, name: string, hops = 0, follow?: ModuleFilter): Exported | null {
  if (target.kind === 'external') {
    return { kind: 'external', ref: { module: target.module, names: name === '*' ? [] : [name] } };
  }
  if (hops > MAX_HOPS) return null;
  const { program } = target;
  const table = exportTable(program);
  if (name === '*') return { kind: 'node', node: table.commonjs ?? program };
  // Imported from ES modules, a CommonJS module's default is its `module.exports`: the object it
  // assigns, or the one its `exports.x = …` fill.
  if (name === 'default' && (table.commonjs || table.exportsAssigned) && !table.names.has('default'))
    return { kind: 'node', node: table.commonjs ?? program };
  const entry = table.names.get(name);
  if (entry?.kind === 'local') return localExport(entry.node, hops, follow);
  if (entry?.kind === 'from') {
    const next = moduleTarget(program, entry.specifier, follow);
    return next ? exportedBy(next, entry.name, hops + 1, follow) : null;
  }
  if (name === 'default') return null;
  for (const specifier of table.stars) {
    const next = moduleTarget(program, specifier, follow);
    if (!next || next.kind === 'external') continue;
    const found = exportedBy(next, name, hops + 1, follow);
    if (found) return found;
  }
  return null;
}

/**
 * A local name that is itself imported is followed to where it comes from: `import x from 'koa';
 * export { x as App }`.
 */
function localExport(node: TSESTree.Node, hops: number, follow: ModuleFilter | undefined): Exported | null {
  if (node.type === AST_NODE_TYPES.Identifier) {
    const imported = importOf(node);
    if (imported) {
      const target = moduleTarget(node, imported.specifier, follow);
      return target ? exportedBy(target, imported.name, hops + 1, follow) : null;
    }
  }
  return { kind: 'node', node };
}

/** The import a name is bound by: its module specifier and the name it imports (`'default'`, `'*'`). */
export function importOf(id: TSESTree.Identifier): { specifier: string; name: string } | null {
  const variable = variableOf(id);
  const def = variable?.defs[0];
  if (!def || def.type !== 'ImportBinding') return null;
  const specifier = def.node;
  const declaration = specifier.parent;
  if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return null;
  switch (specifier.type) {
    case AST_NODE_TYPES.ImportDefaultSpecifier:
      return { specifier: declaration.source.value, name: 'default' };
    case AST_NODE_TYPES.ImportNamespaceSpecifier:
      return { specifier: declaration.source.value, name: '*' };
    case AST_NODE_TYPES.ImportSpecifier:
      return {
        specifier: declaration.source.value,
        name: exportName(specifier.imported),
      };
    default:
      return null;
  }
}

/** The file of the project an imported name is imported from, or `null` (a package, or not an import). */
export function importedFile(id: TSESTree.Identifier): string | null {
  const imported = importOf(id);
  return imported ? resolveFrom(id, imported.specifier) : null;
}

/** What an imported name stands for, in the module it comes from. */
export function importedValue(id: TSESTree.Identifier, follow?: ModuleFilter): Exported | null {
  const imported = importOf(id);
  if (!imported) return null;
  if (follow) {
    // Looking for a package's export: a function or class the module declares itself is none
    // (unless the module is that package's own source).
    const resolved = resolveFrom(id, imported.specifier);
    if (resolved && !knownPackageFile(resolved) && declaresOwnFunction(resolved, imported.name)) return null;
  }
  const target = moduleTarget(id, imported.specifier, follow);
  if (!target) return null;
  if (target.kind === 'program') {
    // A module of a package the adapters know, imported by relative path (the package's own examples).
    const known = knownPackageSpecifier(target.program);
    if (known) return { kind: 'external', ref: { module: known, names: imported.name === '*' ? [] : [imported.name] } };
  }
  return exportedBy(target, imported.name, 0, follow);
}

/** What `require(specifier)` evaluates to. */
export function requiredValue(
  call: TSESTree.CallExpression,
  specifier: string,
  follow?: ModuleFilter,
): Exported | null {
  const target = moduleTarget(call, specifier, follow);
  if (!target) return null;
  if (target.kind === 'program') {
    const known = knownPackageSpecifier(target.program);
    if (known) return { kind: 'external', ref: { module: known, names: [] } };
  }
  return exportedBy(target, '*', 0, follow);
}

const packageIdentity = new WeakMap<TSESTree.Program, string | null>();

/** The name of a known package's module that a file of the project is (the SDK's own sources), or `null`. */
function knownPackageSpecifier(program: TSESTree.Program): string | null {
  let known = packageIdentity.get(program);
  if (known === undefined) {
    const { file } = moduleOf(program);
    known = file ? knownPackageFile(file) : null;
    packageIdentity.set(program, known);
  }
  return known;
}

function knownPackageFile(file: string): string | null {
  return packageSpecifiersOf(file).find((specifier) => knownModules().has(specifier)) ?? null;
}

/** How many modules that import a function are read for its calls. */
const MAX_IMPORTERS = 20;

/** A use that an import of an exported binding makes in another module of the package. */
export interface ImportedUse {
  /** A reference of the binding the import makes, or a `require()` used in place (`require('./routes')(app)`). */
  readonly id: TSESTree.Identifier | TSESTree.CallExpression;
  /** Whether the binding is the whole module (`import * as ns`): the use is `ns.<name>`. */
  readonly namespace: boolean;
}

/**
 * The uses that the other modules of its package make of what a module exports under `names`
 * (`'default'` for its default export): every reference of the binding each `import` of it
 * makes, also through the modules that pass it on under the same name (`export * from`,
 * `export { name } from`: a barrel). `complete` is false when no module of the package imports
 * it, when one module passes it on renamed or as a namespace, or reaches it another way
 * (`require`, `import()`), or when the modules cannot all be read; users from outside the package
 * are not counted when some module of it imports the binding, unless the module is an entry of
 * the package.
 */
export function importerUses(
  file: string,
  names: readonly string[],
  passing: ReadonlySet<string> = new Set([file]),
  tests = false,
): { uses: ImportedUse[]; complete: boolean } {
  // Asked once per file and names in a lint: barrels that meet again (a diamond) are read once.
  const key = `${file}\0${tests ? 'tests\0' : ''}${names.join('\0')}`;
  let known = usesMemo.get(key);
  if (!known) {
    known = findImporterUses(file, names, passing, tests);
    usesMemo.set(key, known);
  }
  return known;
}

/** What `importerUses` found in this lint. */
const usesMemo = new Map<string, { uses: ImportedUse[]; complete: boolean }>();

function findImporterUses(
  file: string,
  names: readonly string[],
  passing: ReadonlySet<string>,
  tests: boolean,
): { uses: ImportedUse[]; complete: boolean } {
  const found = importersOf(file, names, tests);
  // No module of the package uses it: what does (the package's users, a script) is not known.
  if (!found || found.length === 0 || found.length > MAX_IMPORTERS) return { uses: [], complete: false };
  const uses: ImportedUse[] = [];
  let complete = true;
  // A CommonJS module: what an ES module's default import of it holds is its `module.exports`.
  const target = session.load(file);
  const commonjs = target !== null && isCommonJs(target);
  for (const importer of found) {
    const program = session.load(importer);
    if (!program) {
      complete = false;
      continue;
    }
    let imported = false;
    for (const statement of program.body) {
      if (
        (statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
          statement.type === AST_NODE_TYPES.ExportAllDeclaration) &&
        statement.source &&
        resolveSpecifier(importer, statement.source.value) === file
      ) {
        // Passed on to the modules that import this one: their uses, when the names stay.
        imported = true;
        const passed = passedOn(statement, names, program);
        if (passed?.length === 0) continue;
        // A barrel that re-exports itself back, or a chain too long to follow.
        if (passed === null || passing.has(importer) || passing.size > MAX_HOPS) {
          complete = false;
          continue;
        }
        const onward = importerUses(importer, passed, new Set([...passing, importer]));
        // Barrels that meet again (a diamond) reach the same uses by each way: each once.
        for (const use of onward.uses) if (!uses.some((known) => known.id === use.id)) uses.push(use);
        complete &&= onward.complete;
        continue;
      }
      if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.importKind === 'type') continue;
      if (resolveSpecifier(importer, statement.source.value) !== file) continue;
      imported = true;
      for (const specifier of statement.specifiers) {
        const name =
          specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier
            ? 'default'
            : specifier.type === AST_NODE_TYPES.ImportSpecifier
              ? specifier.importKind === 'type'
                ? null
                : exportName(specifier.imported)
              : '*';
        if (name === null) continue;
        // `import routes from './routes.cjs'` holds the whole `module.exports`: `routes.mountMcp(…)`.
        const whole = commonjs && name === 'default' && !names.includes('default');
        if (!whole && name !== '*' && !names.includes(name)) continue;
        for (const variable of declaredVariables(specifier)) {
          for (const reference of variable.references) {
            // A name in a type (`app: Transport`) uses nothing at run time.
            if (!reference.isValueReference) continue;
            const id = reference.identifier as TSESTree.Identifier;
            // `ns.default` of a CommonJS module is its whole `module.exports` (`ns.default.mountMcp(…)`): not read.
            if (commonjs && name === '*' && isDefaultMember(id)) {
              complete = false;
              continue;
            }
            uses.push({ id, namespace: name === '*' || whole });
          }
        }
      }
    }
    // `const { fn } = require('./routes')`, `const routes = require('./routes')`.
    const calls = codeOf(program).text.includes('require') ? moduleIndex(program).calls : [];
    for (const call of calls) {
      const specifier = requireSpecifier(call);
      if (specifier === null || resolveSpecifier(importer, specifier) !== file) continue;
      imported = true;
      const required = requiredUses(call, names);
      if (required) uses.push(...required);
      else complete = false;
    }
    // `import()`, or a `require()` whose specifier the text does not fix: uses this reading does not follow.
    if (!imported) complete = false;
  }
  // Other packages (a workspace's, the package's users) may use an entry of the package too.
  if (isPackageEntry(file)) complete = false;
  // A module the package loads by a computed path (`require(path.join(__dirname, name))`).
  if (commonjs && packageLoadsComputedModules(file)) complete = false;
  return { uses, complete };
}

/** `ns.default`, `ns['default']`. */
function isDefaultMember(id: TSESTree.Identifier): boolean {
  const member = id.parent;
  return member?.type === AST_NODE_TYPES.MemberExpression && member.object === id && propertyName(member) === 'default';
}

/** Whether a module exports through `module.exports` or `exports.x`. */
function isCommonJs(program: TSESTree.Program): boolean {
  const table = exportTable(program);
  return table.commonjs !== null || table.exportsAssigned;
}

/**
 * The uses of `names` that a `require()` of the module makes: the bindings it destructures
 * (`const { mountMcp } = require(…)`), or the binding of the whole module, a namespace unless the
 * module's whole export is the value (`'default'`); or the call itself, where its value is called
 * or a member read in place. `null` when it is used any other way.
 */
function requiredUses(call: TSESTree.CallExpression, names: readonly string[]): ImportedUse[] | null {
  // Used in place: `require('./routes')(app)`, `require('./routes').mountMcp(app)`.
  const parent = call.parent;
  if (
    (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === call) ||
    (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === call)
  )
    return [{ id: call, namespace: !names.includes('default') }];
  const declarator = call.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== call) return null;
  const read = (id: TSESTree.Node, namespace: boolean): ImportedUse[] =>
    id.type === AST_NODE_TYPES.Identifier
      ? (variableOf(id)?.references ?? [])
          .filter((reference) => reference.isRead())
          .map((reference) => ({ id: reference.identifier as TSESTree.Identifier, namespace }))
      : [];
  if (declarator.id.type === AST_NODE_TYPES.Identifier) return read(declarator.id, !names.includes('default'));
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return null;
  const uses: ImportedUse[] = [];
  for (const property of declarator.id.properties) {
    if (property.type !== AST_NODE_TYPES.Property) return null;
    const key = propertyName(property);
    if (key === null) return null;
    if (!names.includes(key)) continue;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (value.type !== AST_NODE_TYPES.Identifier) return null;
    uses.push(...read(value, false));
  }
  return uses;
}

/**
 * Which of `names` a re-export passes on unchanged (`export *` passes every name but the default,
 * `export { a, b } from` those listed); `null` when it renames one or makes a namespace of them.
 */
function passedOn(
  statement: TSESTree.ExportNamedDeclaration | TSESTree.ExportAllDeclaration,
  names: readonly string[],
  barrel: TSESTree.Program,
): readonly string[] | null {
  if (statement.exportKind === 'type') return [];
  if (statement.type === AST_NODE_TYPES.ExportAllDeclaration) {
    if (statement.exported !== null) return null;
    // A name the barrel exports itself, or from another module by name, is not the one `export *` passes on.
    const own = exportTable(barrel).names;
    return names.filter((name) => name !== 'default' && !own.has(name));
  }
  const passed: string[] = [];
  for (const specifier of statement.specifiers) {
    if (specifier.exportKind === 'type') continue;
    const local = exportName(specifier.local);
    if (!names.includes(local)) continue;
    if (exportName(specifier.exported) !== local) return null;
    passed.push(local);
  }
  return passed;
}

/**
 * The calls that the other modules of its package make of a function a module exports under
 * `names`, read from `importerUses`: `complete` is false too when one use is not a call (the
 * function is passed on or imported whole and used otherwise). With `tests`, the calls of the
 * package's test modules alone.
 */
export function importerCalls(
  file: string,
  names: readonly string[],
  tests = false,
): { calls: TSESTree.CallExpression[]; complete: boolean } {
  return callsOfUses(importerUses(file, names, new Set([file]), tests), ({ namespace }) => (namespace ? names : null));
}

/**
 * The calls that the other modules of its package make of `members` of the object a module
 * exports as its default (`import transport from './transport'; transport.bootstrap(app)`):
 * `complete` is false as for `importerCalls`, and when an import uses the object otherwise.
 */
export function importerMemberCalls(
  file: string,
  members: readonly string[],
): { calls: TSESTree.CallExpression[]; complete: boolean } {
  // `import * as ns` reaches the default export as `ns.default`: not read here.
  return callsOfUses(importerUses(file, ['default']), ({ namespace }) => (namespace ? undefined : members));
}

/**
 * The calls the imported uses make, each read by `calledWith` with the members `membersOf` gives
 * it (`undefined`: a use that is no call at all); a use that is not such a call leaves the list
 * incomplete.
 */
function callsOfUses(
  { uses, complete: allRead }: { uses: ImportedUse[]; complete: boolean },
  membersOf: (use: ImportedUse) => readonly string[] | null | undefined,
): { calls: TSESTree.CallExpression[]; complete: boolean } {
  const calls: TSESTree.CallExpression[] = [];
  let complete = allRead;
  for (const use of uses) {
    const members = membersOf(use);
    const call = members === undefined ? null : calledWith(use.id, members);
    if (call === undefined) continue;
    if (call) calls.push(call);
    else complete = false;
  }
  return { calls, complete };
}

/**
 * The call a reference of an imported binding makes: `fn(…)`, or for a namespace, `ns.fn(…)` with
 * `fn` one of `members`. `undefined` when a namespace's reference uses another member; `null` when
 * the reference is not a call.
 */
function calledWith(
  id: TSESTree.Identifier | TSESTree.CallExpression,
  members: readonly string[] | null,
): TSESTree.CallExpression | null | undefined {
  let callee: TSESTree.Node = id;
  if (members) {
    const member = id.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== id) return null;
    const name = member.computed ? null : propertyName(member);
    if (name === null) return null;
    if (!members.includes(name)) return undefined;
    callee = member;
  }
  while (
    callee.parent &&
    (callee.parent.type === AST_NODE_TYPES.TSNonNullExpression || callee.parent.type === AST_NODE_TYPES.TSAsExpression)
  ) {
    callee = callee.parent;
  }
  const parent = callee.parent;
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === callee ? parent : null;
}
