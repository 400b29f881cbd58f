import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { loadModule } from './exports';
import { importersOf, resolveSpecifier } from './module-graph';
import { moduleOf, variableOf } from './program';

/**
 * Values a module exports that other modules of its package use: a constant such as
 * `export const DEFAULT_HOST = '0.0.0.0'` or `export const CONFIG = { CORS_ORIGIN: true } as const`
 * is judged where a server or middleware of an importing module uses it, and reported where it is
 * written, where the fix can change it.
 */

/** Whether a module's text may export anything (the cheap test before the looks below). */
export const MENTIONS_EXPORT = /\bexport\b/u;

/**
 * The exported name whose value holds a literal: the `const` it initialises, or the `const` whose
 * object literal (at any depth) has it as a property value, when the module exports that `const`.
 */
export function exportedConstantOf(literal: TSESTree.Node): string | null {
  let node: TSESTree.Node = literal;
  for (let parent = node.parent; parent; node = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.Property && parent.value === node) continue;
    if (parent.type === AST_NODE_TYPES.ObjectExpression) continue;
    if (
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent.type === AST_NODE_TYPES.TSTypeAssertion
    )
      continue;
    if (parent.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== node) return null;
    const declaration = parent.parent;
    if (
      parent.id.type !== AST_NODE_TYPES.Identifier ||
      declaration?.type !== AST_NODE_TYPES.VariableDeclaration ||
      declaration.kind !== 'const'
    )
      return null;
    if (declaration.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return parent.id.name;
    const exported = variableOf(parent.id)?.references.some(
      (reference) => (reference.identifier as TSESTree.Node).parent?.type === AST_NODE_TYPES.ExportSpecifier,
    );
    return exported ? parent.id.name : null;
  }
  return null;
}

/** How many importing modules one look reads, at each step. */
const MAX_IMPORTERS = 20;

/**
 * The modules of the package that import `name` from `file`, directly or through barrels that
 * pass it on (`export * from`, `export { name as alias } from`, two deep), parsed.
 */
export function importingPrograms(file: string, name: string, depth = 0): TSESTree.Program[] {
  const found: TSESTree.Program[] = [];
  for (const importer of (importersOf(file, [name]) ?? []).slice(0, MAX_IMPORTERS)) {
    const program = loadModule(importer);
    if (!program) continue;
    found.push(program);
    if (depth >= 2) continue;
    for (const passedOn of reexportedNames(program, importer, file, name)) {
      found.push(...importingPrograms(importer, passedOn, depth + 1));
    }
  }
  return found;
}

/** The names under which a module re-exports `name` of `file`. */
function reexportedNames(program: TSESTree.Program, from: string, file: string, name: string): string[] {
  const names: string[] = [];
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExportAllDeclaration) {
      if (!statement.exported && resolveSpecifier(from, statement.source.value) === file) names.push(name);
    } else if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.source) {
      if (resolveSpecifier(from, statement.source.value) !== file) continue;
      for (const specifier of statement.specifiers) {
        const local = specifier.local.type === AST_NODE_TYPES.Identifier ? specifier.local.name : specifier.local.value;
        const exported =
          specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value;
        if (local === name) names.push(exported);
      }
    }
  }
  return names;
}

/**
 * Whether a node an importing module's values lead to is `literal` of the linted `file`: the
 * importer reads the file again from disk, so the two are matched by their place.
 */
export function samePlace(node: TSESTree.Node, file: string, literal: TSESTree.Node): boolean {
  return moduleOf(node).file === file && node.range[0] === literal.range[0] && node.range[1] === literal.range[1];
}
