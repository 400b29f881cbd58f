import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findVariable, getStaticValue } from '@eslint-community/eslint-utils';
import type { Scope, SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { containsNode, skipTypeWrappers, staticPropertyName } from './ast';

/** How many variables, properties and branches a value is followed through before giving up. */
const MAX_DEPTH = 12;

/** One value an expression may evaluate to: known statically, or not. */
export type PossibleValue =
  | { readonly known: true; readonly value: unknown; readonly node: TSESTree.Node }
  | { readonly known: false; readonly node: TSESTree.Node };

/**
 * The variable an identifier refers to, if it is declared once and never reassigned: its value
 * is then whatever its declaration gave it.
 */
export function findStableVariable(sourceCode: Readonly<SourceCode>, id: TSESTree.Identifier): Scope.Variable | null {
  const variable = findVariable(sourceCode.getScope(id) as never, id as never) as Scope.Variable | null;
  if (!variable || variable.defs.length !== 1) return null;
  const writes = variable.references.filter((reference) => reference.isWrite());
  // A declaration with an initialiser counts as one write; anything more is a reassignment.
  if (writes.length > 1) return null;
  return variable;
}

/**
 * The expression a name stands for, when the file says so unambiguously: `const x = expr`,
 * `const { a: x = fallback } = obj` (through the object's property), `let x = expr` never reassigned.
 * Returns `null` for parameters, imports and anything else whose value is not in the file.
 */
export function resolveIdentifier(
  sourceCode: Readonly<SourceCode>,
  id: TSESTree.Identifier,
  depth = 0,
): TSESTree.Expression | null {
  if (depth > MAX_DEPTH) return null;
  const variable = findStableVariable(sourceCode, id);
  const def = variable?.defs[0];
  if (!def || def.type !== 'Variable') return null;
  const declarator = def.node;
  if (!declarator.init) return null;
  if (declarator.id.type === AST_NODE_TYPES.Identifier) return declarator.init;
  const declared = def.name;
  return resolvePatternValue(sourceCode, declarator.id, declarator.init, declared, depth + 1);
}

/** Follows a destructuring pattern to the value that `target` receives from `value`. */
function resolvePatternValue(
  sourceCode: Readonly<SourceCode>,
  pattern: TSESTree.Node,
  value: TSESTree.Expression | null,
  target: TSESTree.Identifier,
  depth: number,
): TSESTree.Expression | null {
  if (depth > MAX_DEPTH) return null;
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      return pattern === target ? value : null;
    case AST_NODE_TYPES.AssignmentPattern: {
      if (!containsNode(pattern.left, target)) return null;
      // With a default, the value is the property when present, else the default.
      return value ?? resolvePatternValue(sourceCode, pattern.left, pattern.right, target, depth + 1);
    }
    case AST_NODE_TYPES.ObjectPattern: {
      for (const property of pattern.properties) {
        if (property.type !== AST_NODE_TYPES.Property || !containsNode(property.value, target)) continue;
        const name = staticPropertyName(property);
        if (name === null) return null;
        const object = value ? resolveObjectExpression(sourceCode, value, depth + 1) : null;
        const found = object ? findObjectProperty(sourceCode, object, name, depth + 1) : null;
        const propertyValue = found?.kind === 'found' ? found.value : null;
        if (found?.kind === 'unknown') return null;
        return resolvePatternValue(sourceCode, property.value, propertyValue, target, depth + 1);
      }
      return null;
    }
    default:
      return null;
  }
}

/**
 * The object literal an expression evaluates to, following constants and wrappers:
 * `opts`, `opts as CorsOptions`, `config.cors` where `config` is a constant object literal.
 */
export function resolveObjectExpression(
  sourceCode: Readonly<SourceCode>,
  node: TSESTree.Node,
  depth = 0,
): TSESTree.ObjectExpression | null {
  const resolved = resolveExpression(sourceCode, node, depth);
  return resolved?.type === AST_NODE_TYPES.ObjectExpression ? resolved : null;
}

/**
 * Follows an expression through wrappers, stable variables and constant object properties
 * to the expression that produces its value. Stops at anything else (a call, a conditional).
 */
export function resolveExpression(
  sourceCode: Readonly<SourceCode>,
  node: TSESTree.Node,
  depth = 0,
): TSESTree.Expression | null {
  let current: TSESTree.Node = skipTypeWrappers(node);
  for (let step = depth; step <= MAX_DEPTH; step++) {
    if (current.type === AST_NODE_TYPES.Identifier) {
      const init = resolveIdentifier(sourceCode, current, step);
      if (!init) return current;
      current = skipTypeWrappers(init);
      continue;
    }
    if (current.type === AST_NODE_TYPES.MemberExpression && !current.optional) {
      const object = resolveObjectExpression(sourceCode, current.object, step + 1);
      const name = object ? staticPropertyName(current, sourceCode.getScope(current)) : null;
      if (!object || name === null) return current;
      const found = findObjectProperty(sourceCode, object, name, step + 1);
      if (found.kind !== 'found' || !found.value) return current;
      current = skipTypeWrappers(found.value);
      continue;
    }
    return isExpression(current) ? current : null;
  }
  return null;
}

function isExpression(node: TSESTree.Node): node is TSESTree.Expression {
  return node.type !== AST_NODE_TYPES.SpreadElement && node.type !== AST_NODE_TYPES.Property;
}

/** What an object literal says about one of its properties, counting spreads of known objects. */
export type PropertyLookup =
  /** The property is set; `value` is `null` for a method or accessor. */
  | { readonly kind: 'found'; readonly property: TSESTree.Property; readonly value: TSESTree.Expression | null }
  /** No property of that name, in the object or anything spread into it. */
  | { readonly kind: 'missing' }
  /** A spread or computed key that the file does not explain may set it. */
  | { readonly kind: 'unknown' };

/** Looks a property up the way the engine does: the last definition wins, spreads included. */
export function findObjectProperty(
  sourceCode: Readonly<SourceCode>,
  object: TSESTree.ObjectExpression,
  name: string,
  depth = 0,
): PropertyLookup {
  if (depth > MAX_DEPTH) return { kind: 'unknown' };
  for (let index = object.properties.length - 1; index >= 0; index--) {
    const property = object.properties[index]!;
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const spread = resolveObjectExpression(sourceCode, property.argument, depth + 1);
      if (!spread) {
        if (isNullish(sourceCode, property.argument)) continue;
        return { kind: 'unknown' };
      }
      const inner = findObjectProperty(sourceCode, spread, name, depth + 1);
      if (inner.kind !== 'missing') return inner;
      continue;
    }
    const key = staticPropertyName(property, sourceCode.getScope(property));
    if (key === null) return { kind: 'unknown' };
    if (key !== name) continue;
    const value =
      property.kind === 'init' && !property.method && property.value.type !== AST_NODE_TYPES.AssignmentPattern
        ? (property.value as TSESTree.Expression)
        : null;
    return { kind: 'found', property, value };
  }
  return { kind: 'missing' };
}

function isNullish(sourceCode: Readonly<SourceCode>, node: TSESTree.Node): boolean {
  const result = getStaticValue(node as never, sourceCode.getScope(node) as never);
  return result !== null && result.value == null;
}

/**
 * Every value an expression can take, as far as the file tells: both sides of a ternary,
 * the fallback of `||` and `??` (and the left side unless it is statically decided),
 * constants, and constant object properties. Anything else is one unknown value.
 */
export function possibleValues(sourceCode: Readonly<SourceCode>, node: TSESTree.Node, depth = 0): PossibleValue[] {
  const expression = skipTypeWrappers(node);
  if (depth > MAX_DEPTH) return [{ known: false, node: expression }];
  const scope = sourceCode.getScope(expression);
  const literal = getStaticValue(expression as never, scope as never);
  if (literal) return [{ known: true, value: literal.value, node: expression }];
  switch (expression.type) {
    case AST_NODE_TYPES.ConditionalExpression:
      return [
        ...possibleValues(sourceCode, expression.consequent, depth + 1),
        ...possibleValues(sourceCode, expression.alternate, depth + 1),
      ];
    case AST_NODE_TYPES.LogicalExpression: {
      const left = possibleValues(sourceCode, expression.left, depth + 1);
      const right = possibleValues(sourceCode, expression.right, depth + 1);
      // The left side is what results when it is kept (truthy for ||, falsy for &&, not nullish for ??);
      // which of the statically known left values survive depends on the operator.
      const keepsLeft = (value: unknown): boolean =>
        expression.operator === '||' ? Boolean(value) : expression.operator === '&&' ? !value : value != null;
      const kept = left.filter((candidate) => !candidate.known || keepsLeft(candidate.value));
      const fallsThrough = left.some((candidate) => !candidate.known || !keepsLeft(candidate.value));
      return fallsThrough ? [...kept, ...right] : kept;
    }
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression: {
      const resolved = resolveExpression(sourceCode, expression, depth + 1);
      if (resolved && resolved !== expression) return possibleValues(sourceCode, resolved, depth + 1);
      return [{ known: false, node: expression }];
    }
    default:
      return [{ known: false, node: expression }];
  }
}

/**
 * The default a binding falls back to: `'0.0.0.0'` for `host` in `function start(host = '0.0.0.0')`,
 * `({ host = '0.0.0.0' }) => ...` or `const { HOST = '0.0.0.0' } = process.env`. `null` when it has
 * no default of its own or is assigned anywhere else.
 */
export function bindingDefault(sourceCode: Readonly<SourceCode>, id: TSESTree.Identifier): TSESTree.Expression | null {
  const variable = findVariable(sourceCode.getScope(id) as never, id as never) as Scope.Variable | null;
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def || (def.type !== 'Parameter' && def.type !== 'Variable')) return null;
  const name = def.name as TSESTree.Node;
  // The declaration writes the binding (once for its value, once for the default); any other write is a reassignment.
  if (variable!.references.some((reference) => reference.isWrite() && reference.identifier !== name)) return null;
  const pattern = name.parent;
  return pattern?.type === AST_NODE_TYPES.AssignmentPattern && pattern.left === name ? pattern.right : null;
}

/**
 * `possibleValues`, with a binding's default counted among the values it can take: a parameter
 * or destructured name stays one unknown value (what a caller or the object passes), and its
 * default's values join it.
 */
export function possibleValuesWithDefaults(
  sourceCode: Readonly<SourceCode>,
  node: TSESTree.Node,
  depth = 0,
): PossibleValue[] {
  return possibleValues(sourceCode, node, depth).flatMap((candidate) => {
    if (candidate.known || candidate.node.type !== AST_NODE_TYPES.Identifier || depth > MAX_DEPTH) return [candidate];
    const fallback = bindingDefault(sourceCode, candidate.node);
    return fallback ? [candidate, ...possibleValuesWithDefaults(sourceCode, fallback, depth + 1)] : [candidate];
  });
}

/** A function node: what a handler, a middleware or an origin callback is. */
export type HandlerFunction =
  TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

/** The function an expression is or names in this file: inline, a `const` arrow, or a declaration. */
export function resolveFunction(sourceCode: Readonly<SourceCode>, node: TSESTree.Node): HandlerFunction | null {
  const expression = skipTypeWrappers(node);
  if (
    expression.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    expression.type === AST_NODE_TYPES.FunctionExpression ||
    expression.type === AST_NODE_TYPES.FunctionDeclaration
  ) {
    return expression;
  }
  if (expression.type !== AST_NODE_TYPES.Identifier) {
    const resolved = resolveExpression(sourceCode, expression);
    return resolved && resolved !== expression ? resolveFunction(sourceCode, resolved) : null;
  }
  const variable = findVariable(sourceCode.getScope(expression) as never, expression as never) as Scope.Variable | null;
  const def = variable?.defs[0];
  // `declare function f(): void` is a FunctionName too, with no body to read.
  if (def?.type === 'FunctionName') return def.node.type === AST_NODE_TYPES.FunctionDeclaration ? def.node : null;
  const resolved = resolveExpression(sourceCode, expression);
  return resolved && resolved !== expression ? resolveFunction(sourceCode, resolved) : null;
}
