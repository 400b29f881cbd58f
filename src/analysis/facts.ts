import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import {
  GLOBAL_TRACE_MAP,
  KNOWN_MODULES,
  MODULE_TRACE_MAP,
  entitiesOfGlobal,
  entitiesOfRef,
} from '../frameworks/registry';
import type { Entity } from '../frameworks/types';
import { skipTypeWrappers } from './ast';
import { trackGlobals, trackModules } from './imports';
import { codeOf, isLinted, variableOf } from './program';
import { setKnownModules } from './exports';
import { externalRefOf, memberName } from './values';

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
 */
export function entitiesOf(node: TSESTree.Node): readonly Entity[] {
  const expression = skipTypeWrappers(node);
  if (isLinted(expression)) {
    const tracked = trackedNodes(codeOf(expression)).get(expression);
    if (tracked) return tracked;
  }
  if (expression.type === AST_NODE_TYPES.CallExpression || expression.type === AST_NODE_TYPES.NewExpression) {
    const ref = externalRefOf(expression.callee);
    const use = expression.type === AST_NODE_TYPES.NewExpression ? 'construct' : 'call';
    if (!ref) {
      const global = globalPath(expression.callee);
      return global ? entitiesOfGlobal(global, use) : [];
    }
    const entities = entitiesOfRef(ref, use);
    // `http.Server(handler)` works with and without `new`; the adapters list what each form is.
    return entities;
  }
  if (expression.type === AST_NODE_TYPES.Identifier || expression.type === AST_NODE_TYPES.MemberExpression) {
    const ref = externalRefOf(expression);
    return ref ? entitiesOfRef(ref, 'read') : [];
  }
  if (expression.type === AST_NODE_TYPES.ImportExpression) {
    const ref = externalRefOf(expression);
    return ref ? entitiesOfRef(ref, 'read') : [];
  }
  return [];
}

/** The path of a global's property an expression names, `['Bun', 'serve']`, when its root is a global. */
function globalPath(node: TSESTree.Node): string[] | null {
  const names: string[] = [];
  let current = skipTypeWrappers(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(current);
    if (name === null) return null;
    names.unshift(name);
    current = skipTypeWrappers(current.object);
  }
  if (current.type !== AST_NODE_TYPES.Identifier || variableOf(current)?.defs.length) return null;
  return [current.name, ...names];
}

/** The entities of one kind a node is. */
export function entityOf<K extends Entity['kind']>(node: TSESTree.Node, kind: K): Extract<Entity, { kind: K }> | null {
  for (const entity of entitiesOf(node)) if (entity.kind === kind) return entity as Extract<Entity, { kind: K }>;
  return null;
}
