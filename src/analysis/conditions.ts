import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { skipTypeWrappers } from './ast';
import { alwaysExits } from './guards';
import { programOf, variableOf } from './program';
import { enclosingFunction, isFunctionNode, resolveFunction, returnedExpressions } from './values';

// Settings that hold where code runs, as keys that two tests share when they read the same member
// of the same variable and hold alike: a policy installed under `if (opts.auth?.enabled)` and a
// check installed under the same test run together, and a check's own `if (!config.enabled)
// return;` never runs where `config` is that `opts.auth`.

/** A test that holds (or fails, `holds: false`) wherever a node runs. */
export interface Condition {
  readonly test: TSESTree.Expression;
  readonly holds: boolean;
}

/**
 * The tests that hold where `node` runs in `fn`: those of the `if`s and `&&`s it sits in, and
 * those of early exits before it (`if (!opts.auth?.enabled) return;`). Some may be left out.
 */
export function conditionsTowards(node: TSESTree.Node, fn: TSESTree.Node): Condition[] {
  const found: Condition[] = [];
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && child !== fn; child = parent, parent = parent.parent) {
    if (isFunctionNode(parent) && parent !== fn) return [];
    if (parent.type === AST_NODE_TYPES.IfStatement && child !== parent.test) {
      found.push({ test: parent.test, holds: child === parent.consequent });
    } else if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator === '&&' && child === parent.right) {
      found.push({ test: parent.left, holds: true });
    } else if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program) {
      for (const statement of parent.body) {
        if (statement === child) break;
        if (statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && alwaysExits(statement.consequent))
          found.push({ test: statement.test, holds: false });
      }
    }
  }
  return found;
}

/**
 * The keys of all the tests that decide whether a call runs in its function (`conditionKey`), or
 * `null` when one has none or the call is in a branch of an expression.
 */
export function conditionsOf(call: TSESTree.Node): string[] | null {
  const fn = enclosingFunction(call) ?? programOf(call);
  for (
    let child: TSESTree.Node = call, parent = call.parent;
    parent && child !== fn;
    child = parent, parent = parent.parent
  ) {
    if (parent.type === AST_NODE_TYPES.ConditionalExpression && child !== parent.test) return null;
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator !== '&&' && child === parent.right)
      return null;
  }
  const keys = conditionsTowards(call, fn).map(({ test, holds }) => conditionKey(test, holds));
  return keys.every((key) => key !== null) ? (keys as string[]) : null;
}

/** Ids of the variables tests read, which tell apart two tests of the same text in other scopes. */
const variableIds = new WeakMap<Scope.Variable, number>();
let lastVariableId = 0;

/**
 * A test that reads a member of a variable, with `!`s taken off: `!opts.auth?.enabled` that fails
 * is `opts.auth.enabled` that holds.
 */
export function memberTest(
  test: TSESTree.Expression,
  holds: boolean,
): { root: TSESTree.Identifier; names: string[]; holds: boolean } | null {
  let expression = skipTypeWrappers(test);
  let positive = holds;
  while (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '!') {
    positive = !positive;
    expression = skipTypeWrappers(expression.argument);
  }
  if (expression.type === AST_NODE_TYPES.ChainExpression) expression = expression.expression;
  const names: string[] = [];
  while (expression.type === AST_NODE_TYPES.MemberExpression && !expression.computed) {
    names.unshift(expression.property.name);
    expression = skipTypeWrappers(expression.object);
  }
  return expression.type === AST_NODE_TYPES.Identifier ? { root: expression, names, holds: positive } : null;
}

/** A key of a variable's member and whether it holds (`!name#3.auth.enabled`). */
export function memberKey(variable: Scope.Variable, names: readonly string[], holds: boolean): string {
  if (!variableIds.has(variable)) variableIds.set(variable, ++lastVariableId);
  return `${holds ? '' : '!'}${[`${variable.name}#${variableIds.get(variable)}`, ...names].join('.')}`;
}

/**
 * A key that two tests share when they read the same member of the same variable and hold alike:
 * `!opts.auth?.enabled` failing and `opts.auth.enabled` holding. `null` for any other test.
 */
export function conditionKey(test: TSESTree.Expression, holds: boolean): string | null {
  const member = memberTest(test, holds);
  const variable = member && variableOf(member.root);
  return member && variable ? memberKey(variable, member.names, member.holds) : null;
}

/**
 * The settled keys of `settled`, seen from inside the function a factory call returns: with
 * `tokenHook(opts.auth)` and `opts.auth.enabled` settled, `settings.enabled` of `function
 * tokenHook(settings) { return async (request, reply) => { if (!settings.enabled) return; … } }`
 * is settled too. The keys of `settled` stay, for tests of the caller's own variables.
 */
export function settledThrough(argument: TSESTree.Node, settled: ReadonlySet<string>): ReadonlySet<string> {
  let call = skipTypeWrappers(argument);
  // `const guard = tokenHook(opts.auth)` then `app.addHook('onRequest', guard)`.
  if (call.type === AST_NODE_TYPES.Identifier) {
    const def = variableOf(call)?.defs[0];
    const init =
      def?.node.type === AST_NODE_TYPES.VariableDeclarator &&
      def.node.id === def.name &&
      def.parent?.type === AST_NODE_TYPES.VariableDeclaration &&
      def.parent.kind === 'const'
        ? def.node.init
        : null;
    if (init) call = skipTypeWrappers(init);
  }
  if (call.type !== AST_NODE_TYPES.CallExpression || settled.size === 0) return settled;
  const factory = resolveFunction(call.callee);
  if (!factory || !returnedExpressions(factory).some((value) => isFunctionNode(resolveFunction(value)))) return settled;
  const found = new Set(settled);
  factory.params.forEach((param, index) => {
    const given = call.arguments[index];
    if (param.type !== AST_NODE_TYPES.Identifier || !given || given.type === AST_NODE_TYPES.SpreadElement) return;
    const base = memberTest(given, true);
    const variable = base?.holds ? variableOf(base.root) : null;
    const inner = variableOf(param);
    if (!base || !variable || !inner) return;
    const prefix = memberKey(variable, base.names, true);
    for (const key of settled) {
      const negated = key.startsWith('!');
      const body = negated ? key.slice(1) : key;
      if (!body.startsWith(`${prefix}.`)) continue;
      const rest = body.slice(prefix.length + 1).split('.');
      found.add(memberKey(inner, rest, !negated));
    }
  });
  return found;
}

/** Whether a test never holds where `settled` do: `!config.enabled` where `config.enabled` is settled. */
export function neverHolds(test: TSESTree.Expression, settled: ReadonlySet<string> | undefined): boolean {
  if (!settled || settled.size === 0) return false;
  const failing = conditionKey(test, false);
  return failing !== null && settled.has(failing);
}
