import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calledMethodName, calledMethodObject, outermostWrapper, skipTypeWrappers } from './ast';
import { moduleIndex } from './module-index';
import { nameOf, propertyName, staticValue, variableOf } from './program';
import { isConfigService } from './origin-source';
import {
  externalRefOf,
  findObjectProperty,
  isFunctionNode,
  resolveExpression,
  resolveObjectExpression,
} from './values';

/**
 * The defaults of command-line and schema options, where a value is read from what a parser
 * returns: `options.host` in commander's `.action((options) => …)` or `program.opts()`,
 * `argv.host` of yargs, `values.host` of `node:util`'s `parseArgs`, `config.HOST` of a zod
 * schema's `.parse(process.env)`. An option is its default when it is not given (`undefined`
 * when it has none), or whatever the user gives.
 */

/** One value an option can take: its default (known), or what the user passes (unknown). */
export interface OptionValue {
  readonly known: boolean;
  readonly value?: unknown;
  readonly node: TSESTree.Node;
  /** The option has no default: `undefined` when it is not given, written nowhere (`node` declares the option). */
  readonly absent?: true;
}

/** How far parser chains are followed. */
const MAX_CHAIN = 40;

/** `--bind-address <host>` → `bindAddress`, as commander names the option's property. */
function camelCase(flag: string): string {
  return flag.replace(/^-+/u, '').replace(/-([a-z])/gu, (_, letter: string) => letter.toUpperCase());
}

/** The object a chain of calls starts from: `program` in `program.option(…).option(…).action(…)`. */
function chainRoot(node: TSESTree.Node): TSESTree.Node {
  let current = skipTypeWrappers(node);
  for (let step = 0; step < MAX_CHAIN && current.type === AST_NODE_TYPES.CallExpression; step++) {
    const object = calledMethodObject(current);
    if (!object) break;
    current = skipTypeWrappers(object);
  }
  return current;
}

/** Where a chain's root comes from, so that two chains on one `program` meet: its declaration. */
function rootKey(node: TSESTree.Node): TSESTree.Node {
  const root = chainRoot(node);
  if (root.type !== AST_NODE_TYPES.Identifier) return root;
  const def = variableOf(root)?.defs[0];
  return (def?.name as TSESTree.Node | undefined) ?? root;
}

/** Every call the module makes on the chain that starts at `key`, by method name. */
function chainCalls(key: TSESTree.Node, methods: ReadonlySet<string>): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  for (const [method, list] of moduleIndex(key).methodCalls) {
    if (!methods.has(method)) continue;
    for (const call of list) {
      const receiver = calledMethodObject(call);
      if (receiver && rootKey(receiver) === key) calls.push(call);
    }
  }
  return calls;
}

/** The values option `name` takes from the calls that declare options on a chain. */
function declaredOption(key: TSESTree.Node, name: string): OptionValue[] | null {
  for (const call of chainCalls(key, new Set(['option', 'requiredOption', 'options']))) {
    const method = calledMethodName(call);
    const [first, second, third] = call.arguments;
    if (!first || first.type === AST_NODE_TYPES.SpreadElement) continue;
    if (method === 'options') {
      // yargs `.options({ host: { default: '::' } })`
      const object = resolveObjectExpression(first);
      const found = object && findObjectProperty(object, name);
      if (found?.kind === 'found' && found.value) return yargsOption(found.value, call, method);
      continue;
    }
    const flags = staticValue(first)?.value;
    if (typeof flags !== 'string') continue;
    // commander `.option('-H, --host <host>', description, default)`
    if (flags.includes('-')) {
      const long = /--([a-z][\w-]*)/iu.exec(flags)?.[1];
      if (!long || camelCase(long) !== name) continue;
      const fallback = third && third.type !== AST_NODE_TYPES.SpreadElement ? third : null;
      const given: OptionValue = { known: false, node: call };
      if (fallback && !isFunctionNode(fallback)) {
        const value = staticValue(fallback);
        return [given, value ? { known: true, value: value.value, node: fallback } : { known: false, node: fallback }];
      }
      // With no default, an option the user leaves out is `undefined` (a required one is not),
      // which no code writes: the option's flags are where it is declared.
      return method === 'requiredOption'
        ? [given]
        : [given, { known: true, value: undefined, node: first, absent: true }];
    }
    // yargs `.option('host', { default: '::' })`
    if (flags === name && second && second.type !== AST_NODE_TYPES.SpreadElement)
      return yargsOption(second, call, method);
  }
  return null;
}

function yargsOption(spec: TSESTree.Node, call: TSESTree.CallExpression, method: string | null): OptionValue[] {
  const object = resolveObjectExpression(spec);
  const given: OptionValue = { known: false, node: call };
  const fallback = object ? findObjectProperty(object, 'default') : null;
  if (fallback?.kind === 'found' && fallback.value) {
    const value = staticValue(fallback.value);
    return [
      given,
      value ? { known: true, value: value.value, node: fallback.value } : { known: false, node: fallback.value },
    ];
  }
  const demanded = object && findObjectProperty(object, 'demandOption');
  return demanded?.kind === 'found' || method === 'requiredOption'
    ? [given]
    : [given, { known: true, value: undefined, node: optionName(spec) ?? call, absent: true }];
}

/** Where an option is named: the key of `{ host: {…} }`, or the name `.option('host', {…})` gives first. */
function optionName(spec: TSESTree.Node): TSESTree.Node | null {
  const { parent } = spec;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === spec) return parent.key;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[1] === spec) return parent.arguments[0]!;
  return null;
}

/**
 * The values of `object.name` when `object` is what an option parser returns, or `null` when it
 * is not one the analysis knows.
 */
export function optionValues(object: TSESTree.Node, name: string): OptionValue[] | null {
  const expression = skipTypeWrappers(object);
  // commander: `(options) => …` given to `.action(…)`, or `program.opts()`.
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const def = variableOf(expression)?.defs[0];
    if (def?.type === 'Parameter' && isFunctionNode(def.node)) {
      const call = def.node.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && calledMethodName(call) === 'action') {
        const receiver = calledMethodObject(call);
        if (receiver) return declaredOption(rootKey(receiver), name);
      }
      return null;
    }
  }
  const source = skipTypeWrappers(resolveExpression(expression) ?? expression);
  if (source.type === AST_NODE_TYPES.CallExpression) {
    const method = calledMethodName(source);
    const receiver = calledMethodObject(source);
    // commander `program.opts()`, yargs `….parse()` / `.parseSync()`, and the awaited
    // `….parseAsync()` of yargs or of a zod schema (unawaited, it is a promise)
    const awaited = method === 'parseAsync' && outermostWrapper(source).parent?.type === AST_NODE_TYPES.AwaitExpression;
    if (receiver && (method === 'opts' || method === 'parse' || method === 'parseSync' || awaited)) {
      const declared = declaredOption(rootKey(receiver), name);
      if (declared) return declared;
      if (method === 'parse' || awaited) return schemaDefault(receiver, name);
    }
    // `parseArgs({ options: { host: { default } } })` gives `{ values }`.
    return null;
  }
  // yargs `….argv`
  if (source.type === AST_NODE_TYPES.MemberExpression && propertyName(source) === 'argv') {
    return declaredOption(rootKey(source.object), name);
  }
  // `parseArgs(…).values`, and `const { values } = parseArgs(…)`
  const parseArgsCall = parseArgsValues(source) ?? destructuredValues(expression);
  if (parseArgsCall) {
    const config = parseArgsCall.arguments[0] && resolveObjectExpression(parseArgsCall.arguments[0]);
    const options = config && findObjectProperty(config, 'options');
    const table = options?.kind === 'found' && options.value ? resolveObjectExpression(options.value) : null;
    const entry = table && findObjectProperty(table, name);
    if (entry?.kind !== 'found' || !entry.value) return null;
    return yargsOption(entry.value, parseArgsCall, 'option');
  }
  return null;
}

/** The `parseArgs(…)` call whose `values` an expression is. */
function parseArgsValues(node: TSESTree.Node): TSESTree.CallExpression | null {
  if (node.type === AST_NODE_TYPES.MemberExpression && propertyName(node) === 'values') {
    const call = skipTypeWrappers(node.object);
    return call.type === AST_NODE_TYPES.CallExpression && isParseArgs(call) ? call : null;
  }
  return null;
}

/** The `parseArgs(…)` call a name takes `values` from: `const { values } = parseArgs(…)`. */
function destructuredValues(node: TSESTree.Node): TSESTree.CallExpression | null {
  if (node.type !== AST_NODE_TYPES.Identifier) return null;
  const def = variableOf(node)?.defs[0];
  if (def?.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.ObjectPattern || !def.node.init) return null;
  const property = def.name.parent;
  if (property?.type !== AST_NODE_TYPES.Property || propertyName(property) !== 'values') return null;
  const init = skipTypeWrappers(def.node.init);
  return init.type === AST_NODE_TYPES.CallExpression && isParseArgs(init) ? init : null;
}

function isParseArgs(call: TSESTree.CallExpression): boolean {
  return nameOf(skipTypeWrappers(call.callee)) === 'parseArgs';
}

/**
 * A zod-like schema's default for a key, where the object is `Schema.parse(…)`:
 * `z.object({ HOST: z.string().default('0.0.0.0') })`.
 */
function schemaDefault(schema: TSESTree.Node, name: string): OptionValue[] | null {
  const object = skipTypeWrappers(resolveExpression(schema) ?? schema);
  if (object.type !== AST_NODE_TYPES.CallExpression || calledMethodName(object) !== 'object') return null;
  const [shape] = object.arguments;
  const fields = shape && shape.type !== AST_NODE_TYPES.SpreadElement ? resolveObjectExpression(shape) : null;
  const field = fields && findObjectProperty(fields, name);
  if (field?.kind !== 'found' || !field.value) return null;
  // `z.string().default('0.0.0.0')`, or `.default(…)` further along the chain.
  for (let current: TSESTree.Node = skipTypeWrappers(field.value); current.type === AST_NODE_TYPES.CallExpression;) {
    if (
      calledMethodName(current) === 'default' &&
      current.arguments[0] &&
      current.arguments[0].type !== AST_NODE_TYPES.SpreadElement
    ) {
      const fallback = current.arguments[0];
      const value = staticValue(fallback);
      return [
        { known: false, node: current },
        value ? { known: true, value: value.value, node: fallback } : { known: false, node: fallback },
      ];
    }
    const next = calledMethodObject(current);
    if (!next) break;
    current = skipTypeWrappers(next);
  }
  return null;
}

/**
 * The default a settings getter is given, where a call reads one: `config.get('HOST', '0.0.0.0')`
 * of `@nestjs/config`'s `ConfigService` (10.x `get(propertyPath, defaultValue)`), and
 * `workspace.getConfiguration('x').get('host', '0.0.0.0')` of VS Code's API (`get<T>(section,
 * defaultValue)`). The call gives what the user configures, or that default. `null` for any other call.
 */
export function getterDefault(call: TSESTree.CallExpression): TSESTree.Node | null {
  const [key, fallback] = call.arguments;
  if (
    call.arguments.length !== 2 ||
    !key ||
    !fallback ||
    fallback.type === AST_NODE_TYPES.SpreadElement ||
    calledMethodName(call) !== 'get' ||
    typeof staticValue(key)?.value !== 'string'
  )
    return null;
  const owner = calledMethodObject(call);
  if (!owner) return null;
  return isConfigService(skipTypeWrappers(owner)) || isEditorConfiguration(owner) ? fallback : null;
}

/** VS Code's `workspace.getConfiguration(…)`, also through a name that holds it. */
function isEditorConfiguration(node: TSESTree.Node): boolean {
  const made = skipTypeWrappers(resolveExpression(node) ?? node);
  if (made.type !== AST_NODE_TYPES.CallExpression || calledMethodName(made) !== 'getConfiguration') return false;
  const holder = calledMethodObject(made);
  const ref = holder && externalRefOf(holder);
  return ref?.module === 'vscode' && ref.names.join('.') === 'workspace';
}
