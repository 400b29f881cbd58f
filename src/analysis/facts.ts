import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import {
  GLOBAL_TRACE_MAP,
  KNOWN_MODULES,
  MODULE_TRACE_MAP,
  entitiesOfGlobal,
  entitiesOfRef,
  globalsWith,
  packagesWith,
} from '../frameworks/registry';
import type { Entity } from '../frameworks/types';
import { globalPath, skipTypeWrappers } from './ast';
import { trackGlobals, trackModules } from './imports';
import { codeOf, isLinted, moduleOf } from './program';
import { type ModuleFilter } from './exports';
import { setKnownModules } from './known-modules';
import {
  addTaken,
  bareSpecifier,
  importsReachPackage,
  packageNameOf,
  reachesModule,
  reachesPackage,
  reachesPackageOnlyThrough,
  resolveSpecifier,
  SUBCLASS_DECLARATION,
  takesFromPackage,
  typesReachModule,
  type ImportLink,
  type TakenNames,
} from './module-graph';
import { externalRefOf } from './values';

// A module of the project that is a known package's own source (the SDK's examples import it by
// relative path) is read as that package.
setKnownModules(KNOWN_MODULES);

/**
 * Facts about a module, computed once, when a rule first asks, and shared by every rule: the
 * nodes that use a package the adapters know, and an index of the nodes the analysis looks at,
 * made in one walk. Keyed by the Program, so they live as long as the module's tree does.
 */

export { moduleIndex, type ModuleIndex } from './module-index';

const trackedByProgram = new WeakMap<TSESTree.Program, ReadonlyMap<TSESTree.Node, readonly Entity[]>>();

/**
 * The nodes of the linted file that use a package or global the adapters know, with what each
 * is: `ReferenceTracker` over one trace map merged from every adapter (ESM, CommonJS, aliases,
 * destructuring), run once per file.
 */
export function trackedNodes(sourceCode: Readonly<SourceCode>): ReadonlyMap<TSESTree.Node, readonly Entity[]> {
  let tracked = trackedByProgram.get(sourceCode.ast);
  if (tracked) return tracked;
  const found = new Map<TSESTree.Node, readonly Entity[]>();
  const add = (node: TSESTree.Node, entities: readonly Entity[]): void => {
    const known = found.get(node);
    found.set(node, known ? [...known, ...entities] : entities);
  };
  for (const { node, info } of trackModules<readonly Entity[]>(sourceCode, MODULE_TRACE_MAP as never)) add(node, info);
  for (const { node, info } of trackGlobals<readonly Entity[]>(sourceCode, GLOBAL_TRACE_MAP as never)) add(node, info);
  tracked = found;
  trackedByProgram.set(sourceCode.ast, tracked);
  return tracked;
}

/**
 * What a node is, in the adapters' terms, in whichever module it lies: a call or `new` of a
 * tracked export, or a read of one. Reached through imports, re-exports, `require`, aliases and
 * destructuring; the linted file's own uses come from the tracker.
 *
 * Given kinds, only entities of those kinds, and the project's modules are read only where their
 * imports reach a package that provides one (as their text shows): asking what each call of a
 * file is then parses none of the modules its helpers live in.
 */
export function entitiesOf(node: TSESTree.Node): readonly Entity[];
export function entitiesOf<K extends Entity['kind']>(
  node: TSESTree.Node,
  ...kinds: [K, ...K[]]
): readonly Extract<Entity, { kind: K }>[];
export function entitiesOf(node: TSESTree.Node, ...kinds: Entity['kind'][]): readonly Entity[] {
  if (kinds.length === 0) return anyEntitiesOf(node, undefined);
  return anyEntitiesOf(node, lookupFor(kinds).follow).filter((entity) => kinds.includes(entity.kind));
}

/**
 * What `new C()` makes, for a class `C` an adapter knows, named where it is written (the
 * `extends Hono` of a subclass, whose instances are apps too).
 */
export function constructedEntitiesOf<K extends Entity['kind']>(
  node: TSESTree.Node,
  kind: K,
): readonly Extract<Entity, { kind: K }>[] {
  const ref = externalRefOf(skipTypeWrappers(node), 0, lookupFor([kind]).follow);
  return ref
    ? entitiesOfRef(ref, 'construct').filter((entity): entity is Extract<Entity, { kind: K }> => entity.kind === kind)
    : [];
}

function anyEntitiesOf(node: TSESTree.Node, follow: ModuleFilter | undefined): readonly Entity[] {
  const expression = skipTypeWrappers(node);
  if (isLinted(expression)) {
    const tracked = trackedNodes(codeOf(expression)).get(expression);
    if (tracked) return tracked;
  }
  if (expression.type === AST_NODE_TYPES.CallExpression || expression.type === AST_NODE_TYPES.NewExpression) {
    const ref = externalRefOf(expression.callee, 0, follow);
    const use = expression.type === AST_NODE_TYPES.NewExpression ? 'construct' : 'call';
    if (!ref) {
      const global = globalPath(expression.callee);
      return global ? entitiesOfGlobal(global, use) : [];
    }
    // `http.Server(handler)` works with and without `new`; the adapters list what each form is.
    return entitiesOfRef(ref, use);
  }
  if (
    expression.type === AST_NODE_TYPES.Identifier ||
    expression.type === AST_NODE_TYPES.MemberExpression ||
    expression.type === AST_NODE_TYPES.ImportExpression
  ) {
    const ref = externalRefOf(expression, 0, follow);
    return ref ? entitiesOfRef(ref, 'read') : [];
  }
  return [];
}

interface KindsLookup {
  /** The packages that provide one of the kinds. */
  readonly packages: ReadonlySet<string>;
  /** Whether a text names a global that provides one (`Bun`), when any does. */
  readonly globals: RegExp | null;
  /** The modules through which one can be reached: those whose imports reach such a package. */
  readonly follow: ModuleFilter;
}

const lookups = new Map<string, KindsLookup>();

function lookupFor(kinds: readonly Entity['kind'][]): KindsLookup {
  const key = kinds.length === 1 ? kinds[0]! : [...new Set(kinds)].sort().join(' ');
  let lookup = lookups.get(key);
  if (!lookup) {
    const packages = packagesWith(...kinds);
    const names = globalsWith(...kinds);
    lookup = {
      packages,
      globals: names.length > 0 ? new RegExp(`\\b(?:${names.join('|')})\\b`, 'u') : null,
      follow: (file) => reachesModule(file, packages),
    };
    lookups.set(key, lookup);
  }
  return lookup;
}

/** The modules of the project through which an entity of these kinds can be reached (as their texts show). */
export function moduleFilterFor(...kinds: [Entity['kind'], ...Entity['kind'][]]): ModuleFilter {
  return lookupFor(kinds).follow;
}

const mayHoldByProgram = new WeakMap<TSESTree.Program, Map<KindsLookup, boolean>>();

/** What a linted file takes from other modules, read once for every kinds lookup. */
interface FileSpecifiers {
  /** Every specifier of a value import, re-export, `require()` or `import()`, as written. */
  readonly specifiers: readonly string[];
  /** The specifiers the file takes only types from. */
  readonly typeSpecifiers: readonly string[];
  /**
   * The modules of the project it takes values from, with the names it takes (`default`, `*` for a
   * namespace), or `null` where it takes the module whole (a `require`, a dynamic `import()`, a
   * side-effect import, a re-export).
   */
  readonly links: readonly ImportLink[];
}

/** `require('…')`, `import('…')` (and `require(('…'))`): the module is taken whole. */
const DYNAMIC_SPECIFIER = /\b(?:require|import)\s*\(\s*(?:\(\s*)?(['"])([^'"\r\n]+)\1/gu;

const specifiersByProgram = new WeakMap<TSESTree.Program, FileSpecifiers>();

/**
 * What the linted file imports, from its tree (the import and export statements) and, for
 * `require()` and `import()`, its text; the project's modules among them resolved once.
 */
function fileSpecifiers(sourceCode: Readonly<SourceCode>): FileSpecifiers {
  let found = specifiersByProgram.get(sourceCode.ast);
  if (found) return found;
  const taken: TakenNames = new Map();
  const types = new Set<string>();
  const add = (specifier: string, name: string | null): void => addTaken(taken, specifier, name);
  for (const statement of sourceCode.ast.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.ImportDeclaration: {
        const specifier = statement.source.value;
        const values = statement.specifiers.filter(
          (item) => item.type !== AST_NODE_TYPES.ImportSpecifier || item.importKind !== 'type',
        );
        if (statement.importKind === 'type' || (statement.specifiers.length > 0 && values.length === 0)) {
          types.add(specifier);
          break;
        }
        if (values.length === 0) add(specifier, null);
        for (const item of values) {
          if (item.type === AST_NODE_TYPES.ImportDefaultSpecifier) add(specifier, 'default');
          else if (item.type === AST_NODE_TYPES.ImportNamespaceSpecifier) add(specifier, '*');
          else
            add(specifier, item.imported.type === AST_NODE_TYPES.Identifier ? item.imported.name : item.imported.value);
        }
        break;
      }
      case AST_NODE_TYPES.ExportAllDeclaration:
      case AST_NODE_TYPES.ExportNamedDeclaration:
        if (!statement.source) break;
        if (statement.exportKind === 'type') types.add(statement.source.value);
        else add(statement.source.value, null);
        break;
      case AST_NODE_TYPES.TSImportEqualsDeclaration:
        if (
          statement.importKind !== 'type' &&
          statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference &&
          statement.moduleReference.expression.type === AST_NODE_TYPES.Literal
        )
          add(statement.moduleReference.expression.value, null);
        break;
      default:
        break;
    }
  }
  const { text } = sourceCode;
  for (const match of text.matchAll(DYNAMIC_SPECIFIER)) add(match[2]!, null);
  const { file } = moduleOf(sourceCode.ast);
  const links: ImportLink[] = [];
  if (file !== null) {
    for (const [specifier, names] of taken) {
      const target = resolveSpecifier(file, specifier);
      if (target !== null) links.push({ target, names });
    }
  }
  found = { specifiers: [...taken.keys()], typeSpecifiers: [...types], links };
  specifiersByProgram.set(sourceCode.ast, found);
  return found;
}

/**
 * Whether the linted file takes from these packages (for MCP's, `MCP_PACKAGES`) only modules
 * `client` matches (`@modelcontextprotocol/sdk/client/…`), itself and through the modules of the
 * project it imports: a file that uses MCP only as a client holds no transport, app or handler.
 * Types aside. `false` when it takes nothing from them.
 */
export function takesOnlyClientModules(
  sourceCode: Readonly<SourceCode>,
  packages: ReadonlySet<string>,
  client: RegExp,
): boolean {
  const { specifiers, links } = fileSpecifiers(sourceCode);
  const ours = specifiers.filter((specifier) => packages.has(packageNameOf(bareSpecifier(specifier))));
  const linked = links.filter(({ target }) => reachesPackage(target, packages));
  return (
    ours.length + linked.length > 0 &&
    ours.every((specifier) => client.test(specifier)) &&
    linked.every(({ target }) => reachesPackageOnlyThrough(target, packages, client))
  );
}

/** A registration on a field: `this.app.post(`, `this.#router!.use(`. */
const FIELD_REGISTRATION =
  /\bthis\s*\.\s*#?[\w$]+\s*(?:[!?]\s*)?\.\s*(?:get|post|put|patch|delete|all|use|route|on|register|addHook)\s*\(/u;

/**
 * Whether any node of the linted file can be an entity of these kinds: whether its text names a
 * package or global that provides one, or it imports a module of the project whose imports reach
 * such a package (read from the texts, as `entitiesOf` follows them). A file that cannot is not
 * asked about node by node.
 */
export function mayHoldEntities(
  sourceCode: Readonly<SourceCode>,
  ...kinds: [Entity['kind'], ...Entity['kind'][]]
): boolean {
  const lookup = lookupFor(kinds);
  let answers = mayHoldByProgram.get(sourceCode.ast);
  if (!answers) {
    answers = new Map();
    mayHoldByProgram.set(sourceCode.ast, answers);
  }
  let answer = answers.get(lookup);
  if (answer === undefined) {
    const { specifiers, typeSpecifiers, links } = fileSpecifiers(sourceCode);
    answer =
      takesFromPackage(moduleOf(sourceCode.ast).file, specifiers, lookup.packages) ||
      (lookup.globals?.test(sourceCode.text) ?? false) ||
      importsReachPackage(links, lookup.packages) ||
      // Handed an app by its callers: `export function routes(app: FastifyInstance) { … }`.
      takesFromPackage(null, typeSpecifiers, lookup.packages) ||
      // Or through a field of a base class of another module: `protected app?: Express`.
      (kinds.includes('app') &&
        SUBCLASS_DECLARATION.test(sourceCode.text) &&
        FIELD_REGISTRATION.test(sourceCode.text) &&
        links.some(({ target }) => typesReachModule(target, lookupFor(['app']).packages)));
    answers.set(lookup, answer);
  }
  return answer;
}

/** The entities of one kind a node is. */
export function entityOf<K extends Entity['kind']>(node: TSESTree.Node, kind: K): Extract<Entity, { kind: K }> | null {
  for (const entity of entitiesOf(node)) if (entity.kind === kind) return entity as Extract<Entity, { kind: K }>;
  return null;
}
