import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { skipTypeWrappers } from './ast';
import { environmentReadName } from './origin-source';
import { staticValue } from './program';
import { possibleValues, resolveExpression } from './values';

/** How deep an expression is taken apart. */
const MAX_DEPTH = 12;

/**
 * The value an expression has when no environment variable is set, the configuration a server
 * runs with out of the box: `process.env.PROTECT !== 'false'` is `true`, `process.env.X ?? true`
 * is `true`, `!process.env.DISABLE_CHECK` is `true`. `null` when that value cannot be told
 * (the expression reads anything but the environment and constants).
 *
 * A switch that is on unless the operator turns it off counts as on, as its default is what
 * the code says.
 *
 * A name or property that no constant fixes is read through every value the project gives it
 * (`possibleValues`): a parameter through the arguments of its function's calls, an instance field
 * (`this.fallback`, `this.config.fallback`) through the constructor parameter it keeps and the
 * arguments of every `new Auth(…)` of the package. The value is known when all of those agree
 * (`new Auth(process.env.FALLBACK !== 'false')` is `true`); a caller the package does not show,
 * or two that disagree, leave it unknown.
 */
export function valueWithUnsetEnvironment(node: TSESTree.Node, depth = 0, follow = true): { value: unknown } | null {
  if (depth > MAX_DEPTH) return null;
  const expression = skipTypeWrappers(node);
  const literal = staticValue(expression);
  if (literal) return { value: literal.value };
  if (environmentReadName(expression) !== undefined) return { value: undefined };
  const recurse = (inner: TSESTree.Node): { value: unknown } | null =>
    valueWithUnsetEnvironment(inner, depth + 1, follow);
  switch (expression.type) {
    case AST_NODE_TYPES.Identifier: {
      const resolved = resolveExpression(expression);
      if (resolved && resolved !== expression) return recurse(resolved);
      return follow ? agreedValue(expression, depth) : null;
    }
    case AST_NODE_TYPES.ChainExpression:
      return recurse(expression.expression);
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.CallExpression: {
      // `process.env.X?.toLowerCase()` is `undefined` when the variable is unset.
      const member = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
      if (member.type === AST_NODE_TYPES.MemberExpression && member.optional) {
        const base = recurse(member.object);
        return base && base.value == null ? { value: undefined } : null;
      }
      return follow && expression.type === AST_NODE_TYPES.MemberExpression ? agreedValue(expression, depth) : null;
    }
    case AST_NODE_TYPES.UnaryExpression: {
      if (expression.operator !== '!') return null;
      const argument = recurse(expression.argument);
      return argument ? { value: !argument.value } : null;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (expression.left.type === AST_NODE_TYPES.PrivateIdentifier) return null;
      const left = recurse(expression.left);
      const right = left && recurse(expression.right);
      if (!left || !right) return null;
      switch (expression.operator) {
        case '===':
          return { value: left.value === right.value };
        case '!==':
          return { value: left.value !== right.value };
        case '==':
          return { value: left.value == right.value };
        case '!=':
          return { value: left.value != right.value };
        default:
          return null;
      }
    }
    case AST_NODE_TYPES.LogicalExpression: {
      const left = recurse(expression.left);
      if (!left) return null;
      const keepsLeft =
        expression.operator === '||'
          ? Boolean(left.value)
          : expression.operator === '&&'
            ? !left.value
            : left.value != null;
      return keepsLeft ? left : recurse(expression.right);
    }
    case AST_NODE_TYPES.ConditionalExpression: {
      const test = recurse(expression.test);
      if (!test) return null;
      return recurse(test.value ? expression.consequent : expression.alternate);
    }
    default:
      return null;
  }
}

/**
 * The one value out of the box of every value the project gives a name or property, each read as
 * above but not followed again (`possibleValues` has gone as far as the project shows), or `null`
 * when one of them cannot be told or two differ.
 */
function agreedValue(expression: TSESTree.Node, depth: number): { value: unknown } | null {
  let agreed: { value: unknown } | null = null;
  for (const candidate of possibleValues(expression)) {
    if (!candidate.known && candidate.node === expression) return null;
    const value = candidate.known
      ? { value: candidate.value }
      : valueWithUnsetEnvironment(candidate.node, depth + 1, false);
    if (!value || (agreed && !Object.is(agreed.value, value.value))) return null;
    agreed = value;
  }
  return agreed;
}
