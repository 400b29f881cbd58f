import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calledMethodName, skipTypeWrappers } from './ast';
import { propertyName, staticValue } from './program';
import { isFunctionNode } from './values';

/**
 * Whether a policy is written only on the answers to CORS preflights: in the branch of a handler
 * that the method `OPTIONS` takes (`if (req.method === 'OPTIONS') { …; return; }`, `case
 * 'OPTIONS':`), in a handler an app routes `OPTIONS` to (`app.options('*', cors())`), or in a
 * Next.js route file's `export function OPTIONS`. The real requests' answers do not carry it, so a
 * page of another site reads none of them; but the preflight it approves lets that page send what
 * a form cannot: a JSON body, custom headers, other methods.
 */
export function preflightOnly(node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement && child === parent.consequent && testsOptions(parent.test))
      return true;
    if (
      parent.type === AST_NODE_TYPES.SwitchCase &&
      parent.test !== null &&
      staticValue(parent.test)?.value === 'OPTIONS' &&
      parent.consequent.includes(child as TSESTree.Statement) &&
      parent.parent.type === AST_NODE_TYPES.SwitchStatement &&
      readsMethod(parent.parent.discriminant)
    )
      return true;
    // `app.options('*', cors())`, `router.options('/mcp', handler)`.
    if (
      parent.type === AST_NODE_TYPES.CallExpression &&
      parent.callee.type === AST_NODE_TYPES.MemberExpression &&
      calledMethodName(parent) === 'options' &&
      parent.arguments.includes(child as TSESTree.CallExpressionArgument) &&
      parent.arguments[0] !== child
    )
      return true;
    // `export function OPTIONS() { … }`, `export const OPTIONS = () => …` of a Next.js route file.
    if (isFunctionNode(parent) && exportedAsOptions(parent)) return true;
  }
  return false;
}

/** `req.method === 'OPTIONS'` (also `==`, either way round, on any `….method` or a `method` name). */
function testsOptions(test: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(test);
  if (expression.type !== AST_NODE_TYPES.BinaryExpression || !['===', '=='].includes(expression.operator)) return false;
  const sides = [expression.left, expression.right] as const;
  return sides.some(
    (side, index) => staticValue(side)?.value === 'OPTIONS' && readsMethod(sides[1 - index] as TSESTree.Node),
  );
}

/** `req.method`, `c.req.method`, `method` (destructured from the request). */
function readsMethod(node: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name === 'method';
  return expression.type === AST_NODE_TYPES.MemberExpression && propertyName(expression) === 'method';
}

function exportedAsOptions(fn: TSESTree.Node): boolean {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration)
    return fn.id?.name === 'OPTIONS' && fn.parent.type === AST_NODE_TYPES.ExportNamedDeclaration;
  const declarator = fn.parent;
  return (
    declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
    declarator.id.type === AST_NODE_TYPES.Identifier &&
    declarator.id.name === 'OPTIONS' &&
    declarator.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration
  );
}
