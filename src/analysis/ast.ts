import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { programOf, propertyName, staticValue, variableOf, visitorKeys } from './program';

/**
 * Strips what does not change a value at run time: `as`, `satisfies`, `!`, `<T>x`, instantiation
 * expressions, and the wrapper around an optional chain (`a?.b()` has the value of the call
 * inside it, or `undefined`). Parentheses are not nodes in ESTree.
 */
export function skipTypeWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (let inner = wrapped(current); inner !== null; inner = wrapped(current)) current = inner;
  return current;
}

/**
 * A node and each wrapper `skipTypeWrappers` strips inside it, outermost first, down to what they
 * wrap: `req.headers?.authorization as string` is the `as`, the optional chain and the member.
 * A walk visits every layer, so a fact recorded for one of them holds for each.
 */
export function wrapperLayers(node: TSESTree.Node): TSESTree.Node[] {
  const layers = [node];
  for (let inner = wrapped(node); inner !== null; inner = wrapped(inner)) layers.push(inner);
  return layers;
}

/** What a wrapper that does not change a value wraps, or `null` for any other node. */
function wrapped(node: TSESTree.Node): TSESTree.Node | null {
  switch (node.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.TSInstantiationExpression:
    case AST_NODE_TYPES.ChainExpression:
      return node.expression;
    default:
      return null;
  }
}

/** The outermost of the wrappers `skipTypeWrappers` strips around a node (`x!`, `x as T`), or the node itself. */
export function outermostWrapper(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && skipTypeWrappers(current.parent) !== current.parent) current = current.parent;
  return current;
}

/** The method name of a call such as `res.setHeader(...)` or `res?.['set'](...)`, or `null`. */
export function calledMethodName(call: TSESTree.CallExpression): string | null {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  return propertyName(callee);
}

/** The object a method is called on: `res` in `res.setHeader(...)`. */
export function calledMethodObject(call: TSESTree.CallExpression): TSESTree.Expression | null {
  const callee = skipTypeWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : null;
}

/** A test an array's `some` or `every` makes of each element, as `iteratedTest` reads it. */
export interface IteratedTest {
  readonly method: 'some' | 'every';
  /** The array: `SUFFIXES` of `SUFFIXES.some((suffix) => …)`. */
  readonly list: TSESTree.Expression;
  /** The callback's parameter that takes each element, when it is a plain name. */
  readonly element: TSESTree.Identifier | null;
  /** What the callback answers for an element: its expression body, or the one `return` of its block. */
  readonly result: TSESTree.Expression;
}

/**
 * The test of `LIST.some((item) => …)` or `LIST.every((item) => …)` whose callback, written
 * there, answers in one expression (`SUFFIXES.some((suffix) => origin.endsWith(suffix))`, also
 * `{ return … }`): `some` is true when that test is for some element, `every` false when it is
 * false for some (each of the other two answers holds for an empty list too).
 */
export function iteratedTest(call: TSESTree.CallExpression): IteratedTest | null {
  const callee = skipTypeWrappers(call.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : null;
  const [callback] = call.arguments;
  if (
    (method !== 'some' && method !== 'every') ||
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    (callback?.type !== AST_NODE_TYPES.ArrowFunctionExpression && callback?.type !== AST_NODE_TYPES.FunctionExpression)
  )
    return null;
  const { body } = callback;
  const [only] = body.type === AST_NODE_TYPES.BlockStatement ? body.body : [];
  const result =
    body.type !== AST_NODE_TYPES.BlockStatement
      ? body
      : body.body.length === 1 && only?.type === AST_NODE_TYPES.ReturnStatement
        ? only.argument
        : null;
  if (!result) return null;
  const [param] = callback.params;
  return {
    method,
    list: callee.object,
    element: param?.type === AST_NODE_TYPES.Identifier ? param : null,
    result,
  };
}

/**
 * The list whose entries a name stands for in a test of the callback of `LIST.some((entry) => …)`
 * (or `every`, as `iteratedTest` reads it): `LIST` for `entry` in `entry === origin`, where the test
 * taking `value` makes the callback answer so that the call holds for some entry (true for `some`,
 * false for `every`), as `LIST.includes(origin)` holds for the entry the origin is. `null` for any
 * other name, and where the test must hold for every entry instead (`LIST.every((entry) => entry
 * === origin)` true), which an empty list also passes.
 */
export function iteratedEntryList(
  name: TSESTree.Node,
  test: TSESTree.Node,
  value: boolean,
): TSESTree.Expression | null {
  const element = skipTypeWrappers(name);
  const def = element.type === AST_NODE_TYPES.Identifier ? variableOf(element)?.defs[0] : undefined;
  const callback = def?.type === 'Parameter' ? def.node : null;
  const call = callback?.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== callback) return null;
  const iterated = iteratedTest(call);
  if (!iterated || iterated.element !== def!.name) return null;
  // The value the callback answers when the test takes `value`: `!` turns it, `&&`, `||` and the
  // wrappers `skipTypeWrappers` strips pass it on; a test anywhere else decides nothing alone.
  let answer = value;
  let node: TSESTree.Node = test;
  while (node !== iterated.result) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent || parent === callback) return null;
    if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!') answer = !answer;
    else if (
      !(parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator !== '??') &&
      skipTypeWrappers(parent) === parent
    )
      return null;
    node = parent;
  }
  return (iterated.method === 'some') === answer ? iterated.list : null;
}

/** The nearest function (or the program) that holds a node. */
export function enclosingFunctionOrProgram(node: TSESTree.Node): TSESTree.FunctionLike | TSESTree.Program {
  let current: TSESTree.Node | undefined = node.parent;
  while (current) {
    if (
      current.type === AST_NODE_TYPES.FunctionDeclaration ||
      current.type === AST_NODE_TYPES.FunctionExpression ||
      current.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      current.type === AST_NODE_TYPES.Program
    ) {
      return current;
    }
    current = current.parent;
  }
  throw new Error('node is not inside a Program');
}

/** The statement of the program's body that holds a node. */
export function topLevelStatement(node: TSESTree.Node): TSESTree.ProgramStatement {
  let current: TSESTree.Node = node;
  while (current.parent && current.parent.type !== AST_NODE_TYPES.Program) {
    current = current.parent;
  }
  return current as TSESTree.ProgramStatement;
}

/** What may make up a test that only constants decide: literals, names, and operators on them. */
const CONSTANT_TEST_PARTS: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.UnaryExpression,
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.BinaryExpression,
]);

const fixedConditions = new WeakMap<TSESTree.Node, boolean | null>();

/**
 * What a test always is when only constants of the module bound to literals decide it
 * (`const REQUIRE_AUTH = true`, and `!`, `&&`, `||` and comparisons of such names): the code
 * fixes it, no deployment sets it. `null` for anything else: a name read from the environment,
 * options or the request, a property (an object can be changed), a call.
 */
export function fixedCondition(test: TSESTree.Node): boolean | null {
  let known = fixedConditions.get(test);
  if (known !== undefined) return known;
  let constantsOnly = true;
  walk(
    test,
    (node) => {
      if (!CONSTANT_TEST_PARTS.has(node.type)) constantsOnly = false;
      // A name of the module's own (`getStaticValue` follows only those bound once, to a constant).
      else if (node.type === AST_NODE_TYPES.Identifier && variableOf(node)?.defs[0]?.type !== 'Variable')
        constantsOnly = false;
    },
    () => constantsOnly,
  );
  const fixed = constantsOnly ? staticValue(test) : null;
  known = fixed ? Boolean(fixed.value) : null;
  fixedConditions.set(test, known);
  return known;
}

/**
 * Whether code never runs because a test only constants decide rules it out: the `else` of
 * `if (REQUIRE_AUTH)` with `const REQUIRE_AUTH = true`, the branch of `?:`, the right side of
 * `&&` and `||`. Read up to `stop` (by default, the whole module).
 */
export function inDeadBranch(node: TSESTree.Node, stop?: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && parent !== stop; child = parent, parent = parent.parent) {
    if (
      (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) &&
      child !== parent.test
    ) {
      const fixed = fixedCondition(parent.test);
      if (fixed !== null && fixed !== (child === parent.consequent)) return true;
    } else if (parent.type === AST_NODE_TYPES.LogicalExpression && child === parent.right) {
      const fixed = parent.operator === '??' ? null : fixedCondition(parent.left);
      if (fixed !== null && fixed !== (parent.operator === '&&')) return true;
    }
  }
  return false;
}

/** A text without the parts in `ranges` (`[start, end)` offsets, in any order, overlapping or not). */
export function textWithout(text: string, ranges: readonly (readonly [number, number])[]): string {
  let kept = '';
  let from = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (end <= from) continue;
    kept += text.slice(from, Math.max(from, start));
    from = end;
  }
  return kept + text.slice(from);
}

/** Whether `inner` lies within `outer` in the source (of the same module). */
export function containsNode(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1] && programOf(outer) === programOf(inner);
}

/**
 * Calls `visit` on every node below `root` (root included), by the parser's own visitor keys; not
 * below a node for which `descend` says no (that node is visited).
 */
export function walk(
  root: TSESTree.Node,
  visit: (node: TSESTree.Node) => void,
  descend?: (node: TSESTree.Node) => boolean,
): void {
  const stack: TSESTree.Node[] = [root];
  const push = (child: TSESTree.Node): void => {
    stack.push(child);
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    if (!descend || descend(node)) forEachChild(node, push);
  }
}

/** What a node holds under one of its visitor keys: a node, a list of nodes (with holes), or nothing. */
export type ChildSlot = TSESTree.Node | (TSESTree.Node | null)[] | null | undefined;

/** What a node holds under a visitor key (`visitorKeys[node.type]`), which its type does not name. */
export function childAt(node: TSESTree.Node, key: string): ChildSlot {
  return (node as unknown as Record<string, ChildSlot>)[key];
}

/** Calls `visit` on each node directly below a node, by the parser's own visitor keys. */
export function forEachChild(node: TSESTree.Node, visit: (child: TSESTree.Node) => void): void {
  for (const key of visitorKeys[node.type] ?? []) {
    const child = childAt(node, key);
    if (Array.isArray(child)) {
      for (const item of child) if (item && typeof item.type === 'string') visit(item);
    } else if (child && typeof child.type === 'string') {
      visit(child);
    }
  }
}

/** The nodes directly below a node. */
export function childNodes(node: TSESTree.Node): TSESTree.Node[] {
  const children: TSESTree.Node[] = [];
  forEachChild(node, (child) => children.push(child));
  return children;
}

/** Whether code below a node runs with the same `this` and at the same time: not in a plain function or a class. */
export function sameThis(node: TSESTree.Node): boolean {
  return (
    node.type !== AST_NODE_TYPES.FunctionDeclaration &&
    node.type !== AST_NODE_TYPES.FunctionExpression &&
    node.type !== AST_NODE_TYPES.ClassDeclaration &&
    node.type !== AST_NODE_TYPES.ClassExpression
  );
}

/** `null`, `undefined` or `void …` written out: a value that is nullish whatever the code around it. */
export function isNullishLiteral(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && node.value === null) ||
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') ||
    (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void')
  );
}

/**
 * Whether a value is known to be `undefined`, `null` or `''` (as `staticValue` reads it, through
 * constants): no setting, no header, no token.
 */
export function isEmptyValue(node: TSESTree.Node): boolean {
  const known = staticValue(node);
  return known !== null && (known.value === undefined || known.value === null || known.value === '');
}

/** What a top-level statement declares, exported or not: `export default class …` is the class. */
export function declarationOf(statement: TSESTree.ProgramStatement): TSESTree.Node | null {
  return statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
    statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
    ? statement.declaration
    : statement;
}

/** The class a top-level statement declares, exported or not (`export default class …`). */
export function declaredClass(statement: TSESTree.ProgramStatement): TSESTree.ClassDeclaration | null {
  const declaration = declarationOf(statement);
  return declaration?.type === AST_NODE_TYPES.ClassDeclaration ? declaration : null;
}

/**
 * The path of a global's property an expression names, `['Bun', 'serve']`, `['Object', 'freeze']`,
 * when its root is a global (a name the file does not bind).
 */
export function globalPath(node: TSESTree.Node): string[] | null {
  const names: string[] = [];
  let current = skipTypeWrappers(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(current);
    if (name === null) return null;
    names.unshift(name);
    current = skipTypeWrappers(current.object);
  }
  if (current.type !== AST_NODE_TYPES.Identifier || variableOf(current)?.defs.length) return null;
  return [current.name, ...names];
}

/** The name a parameter binds, with or without a default: `required` in `required = true`; `null` for a pattern. */
export function parameterName(param: TSESTree.Parameter | undefined): TSESTree.Identifier | null {
  if (param?.type === AST_NODE_TYPES.Identifier) return param;
  if (param?.type === AST_NODE_TYPES.AssignmentPattern && param.left.type === AST_NODE_TYPES.Identifier) {
    return param.left;
  }
  return null;
}

/** The names a function's plain parameters bind: `req` and `res` of `(req, res) => …`. */
export function plainParameterNames(fn: { readonly params: readonly TSESTree.Parameter[] }): ReadonlySet<string> {
  return new Set(fn.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])));
}

/** Whether a call hands one of these names on as an argument, also through a cast: `proxy(req, res)`. */
export function passesName(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  names: ReadonlySet<string>,
): boolean {
  return call.arguments.some((argument) => {
    const value = skipTypeWrappers(argument);
    return value.type === AST_NODE_TYPES.Identifier && names.has(value.name);
  });
}

/** A logging call's callee: `console.*`, a `log`/`logger`/`tracer` object's method, or a method named for a level. */
export function isLoggingCallee(callee: TSESTree.Node): boolean {
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const receiver = skipTypeWrappers(callee.object);
  const holder =
    receiver.type === AST_NODE_TYPES.Identifier
      ? receiver.name
      : receiver.type === AST_NODE_TYPES.MemberExpression
        ? propertyName(receiver)
        : null;
  return (
    (holder !== null && /^(?:console|log|logger|tracer)$/iu.test(holder)) ||
    /^(?:debug|info|warn|error|trace|log)$/u.test(propertyName(callee) ?? '')
  );
}
