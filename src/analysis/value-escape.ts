import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calledMethodName, enclosingFunctionOrProgram, parameterName, skipTypeWrappers, walk } from './ast';
import { loadModule } from './exports';
import { packageModulesMentioning } from './module-graph';
import { declaredVariables, moduleOf, programOf, propertyName, textOf, variableOf } from './program';
import { entitiesOf } from './facts';
import path from 'node:path';
import { MODULE_TRACE_MAP, entitiesOfRef } from '../frameworks/registry';
import type { Entity } from '../frameworks/types';
import { externalRefOf, resolveExpression, resolveFunction, returnedExpressions, type HandlerFunction } from './values';

/**
 * Calls that take a value and keep it to themselves: logging and conversions, the URL consumers
 * an origin-named setting usually feeds (`fetch(UPSTREAM_ORIGIN)`), which are no CORS policy, and
 * a test's assertions (the `expect` and `assert` globals of Jest, Vitest and Mocha).
 */
const KEEPING_CALLEES =
  /^(?:console\.\w+|String|Number|Boolean|parseInt|parseFloat|JSON\.stringify|fetch|URL|\w+\.redirect|expect|assert(?:\.\w+)?)$/u;

/**
 * Calls whose result holds the values they are given, and keep nothing else of them: a copy goes
 * where the call's result goes (`Array.from(list)`, `defaults.concat(extra)`).
 */
const COPYING_CALLEES = /^(?:Array\.(?:from|of)|Object\.freeze|structuredClone)$/u;

function copies(callee: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(callee);
  if (expression.type === AST_NODE_TYPES.MemberExpression && !expression.computed) {
    if (expression.property.type === AST_NODE_TYPES.Identifier && expression.property.name === 'concat') return true;
  }
  return COPYING_CALLEES.test(textOf(expression));
}

/**
 * Whether a value is handed to code this file does not show: exported (`export const`,
 * `export default`, `module.exports`, `exports.x`), passed to a function, or stored in an object
 * that is. Followed through the variables and object literals that hold it, within the file. With
 * `namedFilters`, not past a filter that keeps only origins the source names (`keepsOnlyNamedOrigins`).
 */
export function valueLeavesFile(node: TSESTree.Node, depth = 0, namedFilters = true): boolean {
  if (depth > 8) return false;
  let current: TSESTree.Node = node;
  // Climb through what only passes the value on: wrappers, `?.`, `??`, `.split(',')`, `new Set(...)`,
  // `Array.from(...)`, `list.concat(...)`.
  for (;;) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return false;
    if (skipTypeWrappers(parent) !== parent || parent.type === AST_NODE_TYPES.ChainExpression) {
      current = parent;
    } else if (
      parent.type === AST_NODE_TYPES.LogicalExpression ||
      (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== current) ||
      (parent.type === AST_NODE_TYPES.MemberExpression &&
        parent.object === current &&
        parent.parent?.type === AST_NODE_TYPES.CallExpression)
    ) {
      // `.filter((origin) => /^http:\/\/localhost:\d+$/.test(origin))`: what comes out is origins of
      // hosts the source names, whatever the environment holds; no list an operator widens.
      if (
        namedFilters &&
        parent.type === AST_NODE_TYPES.MemberExpression &&
        keepsOnlyNamedOrigins(parent.parent as TSESTree.CallExpression)
      )
        return false;
      current = parent.type === AST_NODE_TYPES.MemberExpression ? parent.parent! : parent;
    } else if (
      parent.type === AST_NODE_TYPES.ArrayExpression ||
      parent.type === AST_NODE_TYPES.SpreadElement ||
      (parent.type === AST_NODE_TYPES.NewExpression &&
        parent.callee.type === AST_NODE_TYPES.Identifier &&
        parent.callee.name === 'Set') ||
      (parent.type === AST_NODE_TYPES.CallExpression && parent.callee !== current && copies(parent.callee))
    ) {
      current = parent;
    } else {
      break;
    }
  }
  const parent = current.parent!;
  switch (parent.type) {
    case AST_NODE_TYPES.ExportDefaultDeclaration:
      return true;
    case AST_NODE_TYPES.CallExpression: {
      if (parent.callee === current) return false;
      if (KEEPING_CALLEES.test(textOf(parent.callee)) || givenToOtherPackage(parent.callee)) return false;
      // `parseCsv(process.env.CORS_ORIGINS)`: a function of the project that only reshapes its
      // parameter into what it returns hands the value back; it goes where the call's result goes.
      const index = parent.arguments.indexOf(current as TSESTree.CallExpressionArgument);
      const fn = index >= 0 ? resolveFunction(parent.callee) : null;
      if (fn && returnsReshaped(fn, index)) return valueLeavesFile(parent, depth + 1, namedFilters);
      // `reply({ issuer: env.SITE_ORIGIN })` of a function of the file that keeps what it is given
      // (`new Response(JSON.stringify(data))`): it goes nowhere else.
      if (fn && programOf(fn) === programOf(parent) && parameterKept(fn, index, depth)) return false;
      return true;
    }
    case AST_NODE_TYPES.NewExpression:
      return !KEEPING_CALLEES.test(textOf(parent.callee)) && !givenToOtherPackage(parent.callee);
    case AST_NODE_TYPES.AssignmentExpression: {
      if (parent.right !== current) return false;
      // `let origins = options.origins; if (!origins) origins = process.env.CORS_ORIGINS.split(',')`:
      // the value goes where the variable's reads go.
      if (['=', '??=', '||='].includes(parent.operator) && parent.left.type === AST_NODE_TYPES.Identifier) {
        const def = variableOf(parent.left)?.defs[0];
        return def?.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier
          ? bindingLeavesFile(def.node, depth, undefined, namedFilters)
          : false;
      }
      const target = textOf(parent.left);
      return /^(?:module\.)?exports\b/u.test(target);
    }
    case AST_NODE_TYPES.Property: {
      const object = parent.parent;
      if (object?.type === AST_NODE_TYPES.ObjectExpression && refusalListOfTransport(parent, object)) return false;
      if (object?.type !== AST_NODE_TYPES.ObjectExpression || !valueLeavesFile(object, depth + 1, namedFilters))
        return false;
      // `export const SECURITY = { CORS_ORIGINS: … }` that no module of the package reads the key of.
      const key = parent.computed ? null : propertyName(parent);
      const file = moduleOf(parent).file;
      return key === null || OPTION_KEY.test(key) || file === null || keyReadInPackage(file, key);
    }
    case AST_NODE_TYPES.ObjectExpression:
      // `{ ...{ origins } }`: spread into an object that goes where that object goes.
      return valueLeavesFile(parent, depth + 1, namedFilters);
    case AST_NODE_TYPES.VariableDeclarator: {
      if (parent.init !== current || parent.id.type !== AST_NODE_TYPES.Identifier) return false;
      return bindingLeavesFile(parent, depth, undefined, namedFilters);
    }
    default:
      return false;
  }
}

/**
 * Whether a call is `list.filter(test)` whose test keeps only values that a regular expression of
 * the source matches whole (`/^http:\/\/(localhost|127\.0\.0\.1):\d+$/.test(origin)`), one that
 * matches no wildcard, pattern or `null`, and no origin of a site it does not name.
 */
function keepsOnlyNamedOrigins(call: TSESTree.CallExpression): boolean {
  if (calledMethodName(call) !== 'filter') return false;
  const [test] = call.arguments;
  const fn = test && test.type !== AST_NODE_TYPES.SpreadElement ? resolveFunction(test) : null;
  if (!fn || fn.params.length === 0) return false;
  const body = fn.body.type === AST_NODE_TYPES.BlockStatement ? returnedExpressions(fn) : [fn.body];
  const element = parameterName(fn.params[0]);
  const pattern = body.length === 1 && element !== null ? wholeMatchOf(skipTypeWrappers(body[0]!), element.name) : null;
  return pattern !== null && NOT_NAMED_ORIGINS.every((probe) => !pattern.test(probe));
}

/**
 * A pattern, between its anchors, built only of what names hosts: literal letters, digits, `-`,
 * `:` and escaped `.`, `/`, `[`, `]`; groups whose `|` picks among them; `s?`; and digits
 * (`\d`, `[0-9]`, with a count) for a port. No `.`, no other class, no `|` outside a group.
 */
const NAMED_HOSTS_ONLY =
  /^(?:[A-Za-z0-9:-]\??|\\[./[\]:-]|\((?:\?:)?|\)\??|(?<=\((?:\?:)?[^()]*)\||(?:\\d|\[0-9\])(?:[+*]|\{\d+(?:,\d*)?\})?)+$/u;

/** Values a list of origins a source names must not let through: wildcards, patterns, `null`, other sites. */
const NOT_NAMED_ORIGINS = [
  '*',
  'null',
  'http://*',
  'https://*',
  'https://*.example.com',
  '*.example.com',
  '.*',
  'https://attacker.example',
  'https://attacker.com',
  'http://localhost.attacker.example',
  'http://127.0.0.1.attacker.example:3000',
  'http://attacker.example',
  'https://attacker.example:8443',
  'http://attacker.example:3000',
];

/**
 * The regular expression of `REGEX.test(name)`, when it is a literal (or a constant holding one)
 * anchored at both ends and spelling out hosts (`NAMED_HOSTS_ONLY`); `null` for anything else.
 */
function wholeMatchOf(expression: TSESTree.Node, name: string): RegExp | null {
  if (expression.type !== AST_NODE_TYPES.CallExpression || calledMethodName(expression) !== 'test') return null;
  const [argument] = expression.arguments;
  if (argument?.type !== AST_NODE_TYPES.Identifier || argument.name !== name) return null;
  const callee = skipTypeWrappers(expression.callee) as TSESTree.MemberExpression;
  const held = skipTypeWrappers(resolveExpression(callee.object) ?? callee.object);
  if (held.type !== AST_NODE_TYPES.Literal || !('regex' in held) || !held.regex) return null;
  const { pattern, flags } = held.regex;
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || flags.includes('m')) return null;
  if (!NAMED_HOSTS_ONLY.test(pattern.slice(1, -1)) || pattern.endsWith('\\$')) return null;
  try {
    return new RegExp(pattern, flags.replace(/[gy]/gu, ''));
  } catch {
    return null;
  }
}

/**
 * Keys that name an option of a CORS API (`origin`, `allowedOrigins`): an object that holds one may
 * be handed to the API whole, which reads it with no module naming it.
 */
const OPTION_KEY = /^(?:origins?|allow(?:ed)?Origins?|corsOrigins?|cors)$/u;

/** How many modules that mention a key are read for it. */
const MAX_KEY_MODULES = 12;

/**
 * Whether a module of the file's package may read the property `key` of an object: names it
 * anywhere but as the key of an object literal's property or of a type (`config.CORS_ORIGINS`,
 * `const { CORS_ORIGINS } = config`, `config['CORS_ORIGINS']`). `true` where it cannot tell: the
 * package's modules are too many to list, too many mention the key, or one cannot be read.
 */
function keyReadInPackage(file: string, key: string): boolean {
  const mentioning = packageModulesMentioning(file, [key]);
  if (!mentioning || mentioning.length > MAX_KEY_MODULES) return true;
  // A test module reads what it tests; `packageModulesMentioning` leaves tests out.
  return mentioning.some((module) => {
    const program = loadModule(module);
    if (!program) return true;
    let read = false;
    walk(program, (node) => {
      if (read) return;
      const named =
        (node.type === AST_NODE_TYPES.Identifier && node.name === key) ||
        (node.type === AST_NODE_TYPES.Literal && node.value === key);
      if (!named) return;
      const parent = node.parent;
      const defines =
        (parent?.type === AST_NODE_TYPES.Property &&
          parent.key === node &&
          parent.value !== node &&
          parent.parent?.type === AST_NODE_TYPES.ObjectExpression) ||
        (parent?.type === AST_NODE_TYPES.TSPropertySignature && parent.key === node) ||
        // `process.env.CORS_ORIGINS`: the environment variable of the same name, not the key.
        (parent?.type === AST_NODE_TYPES.MemberExpression &&
          parent.property === node &&
          /^(?:process\.env|import\.meta\.env|Bun\.env)$/u.test(textOf(parent.object)));
      read = !defines;
    });
    return read;
  });
}

/**
 * Whether a function's parameter at `index` (a plain name) is only ever given, as it is or inside
 * an object or array literal, to a call that keeps it (`JSON.stringify(data)`, `console.log`) or
 * to the body of a `Response`.
 */
function parameterKept(fn: HandlerFunction, index: number, depth: number): boolean {
  const param = fn.params[index];
  const name = param && skipTypeWrappers(param);
  const variable = name?.type === AST_NODE_TYPES.Identifier ? variableOf(name) : null;
  if (!variable || depth > 4 || variable.references.length === 0) return false;
  return variable.references.every((reference) => {
    let current = reference.identifier as TSESTree.Node;
    for (;;) {
      const parent: TSESTree.Node | undefined = current.parent;
      if (!parent) return false;
      if (
        skipTypeWrappers(parent) !== parent ||
        parent.type === AST_NODE_TYPES.ArrayExpression ||
        parent.type === AST_NODE_TYPES.ObjectExpression ||
        (parent.type === AST_NODE_TYPES.Property && parent.value === current)
      ) {
        current = parent;
        continue;
      }
      if (
        (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
        parent.callee !== current
      ) {
        const callee = textOf(parent.callee);
        return KEEPING_CALLEES.test(callee) || /^Response(?:\.json)?$/u.test(callee);
      }
      return false;
    }
  });
}

/** The options of an MCP transport that list what it accepts: it refuses the rest, and answers no CORS. */
const REFUSAL_LISTS: ReadonlySet<string> = new Set(['allowedOrigins', 'allowedHosts']);

/**
 * Whether a property is the `allowedOrigins` or `allowedHosts` of an MCP transport's options
 * (`new StreamableHTTPServerTransport({ allowedOrigins })`): the SDK refuses a request whose
 * `Origin` or `Host` it does not list, and makes no response readable, so it is no CORS allowlist.
 */
function refusalListOfTransport(property: TSESTree.Property, object: TSESTree.ObjectExpression): boolean {
  const name = propertyName(property);
  const made = object.parent;
  return (
    name !== null &&
    REFUSAL_LISTS.has(name) &&
    (made?.type === AST_NODE_TYPES.NewExpression || made?.type === AST_NODE_TYPES.CallExpression) &&
    made.arguments.includes(object) &&
    entitiesOf(made, 'mcp-transport', 'mcp-app').length > 0
  );
}

/**
 * Whether a callee is an export of an installed package that no adapter knows: a client SDK
 * (`new PubNub({ origin })`), whose `origin` is the host it connects to, not a CORS policy.
 */
function givenToOtherPackage(callee: TSESTree.Node): boolean {
  const ref = externalRefOf(callee);
  if (ref === null || ref.module.startsWith('.') || path.isAbsolute(ref.module)) return false;
  if (!(ref.module in MODULE_TRACE_MAP)) return true;
  // A package the adapters know only for what it reads of a request (better-auth's `betterAuth()`,
  // whose `trustedOrigins` guard its own sign-in routes), not for a server or a CORS policy.
  const entities = [...entitiesOfRef(ref, 'call'), ...entitiesOfRef(ref, 'construct')];
  return entities.length > 0 && entities.every((entity) => REQUEST_READERS.has(entity.kind));
}

/** What the adapters know of a package that makes no server and sets no CORS policy. */
const REQUEST_READERS: ReadonlySet<Entity['kind']> = new Set(['cookie-read', 'auth-instance', 'pass-through']);

/** Operators whose result says something about a value without handing it on. */
const COMPARISONS: ReadonlySet<string> = new Set(['===', '!==', '==', '!=', '<', '<=', '>', '>=', 'in', 'instanceof']);

const reshapes = new WeakMap<HandlerFunction, Map<number, boolean>>();

/**
 * Whether a function only reshapes its parameter at `index` into what it returns: some read of it
 * is returned, and every read passes through method calls (`value.split(',')`), fallbacks and
 * conversions into a `return` (or an arrow's body), or is only tested (`if (!value) return []`).
 */
export function returnsReshaped(fn: HandlerFunction, index: number): boolean {
  let known = reshapes.get(fn);
  if (!known) reshapes.set(fn, (known = new Map()));
  let answer = known.get(index);
  if (answer === undefined) {
    answer = findReshaped(fn, index);
    known.set(index, answer);
  }
  return answer;
}

function findReshaped(fn: HandlerFunction, index: number): boolean {
  const name = parameterName(fn.params[index]);
  const variable = name && variableOf(name);
  if (!variable) return false;
  let returned = false;
  const onlyReshaped = variable.references.every((reference) => {
    if (reference.init) return true;
    if (!reference.isRead() || reference.isWrite()) return false;
    let current: TSESTree.Node = reference.identifier as TSESTree.Node;
    for (let steps = 0; steps < 20; steps++) {
      const parent: TSESTree.Node | undefined = current.parent;
      if (!parent) return false;
      switch (parent.type) {
        case AST_NODE_TYPES.ReturnStatement:
          // A return of a callback inside it hands the value to whoever calls the callback.
          if (enclosingFunctionOrProgram(parent) !== fn) return false;
          returned = true;
          return true;
        case AST_NODE_TYPES.ArrowFunctionExpression:
          returned = parent === fn && parent.body === current;
          return returned;
        case AST_NODE_TYPES.IfStatement:
        case AST_NODE_TYPES.WhileStatement:
          return parent.test === current;
        case AST_NODE_TYPES.UnaryExpression:
          // `!value`, `typeof value`: a test, which hands nothing on.
          return parent.operator === '!' || parent.operator === 'typeof';
        case AST_NODE_TYPES.BinaryExpression:
          // `value === ''`: a test; `'' + value` carries the value on.
          if (COMPARISONS.has(parent.operator)) return true;
          current = parent;
          break;
        case AST_NODE_TYPES.ConditionalExpression:
          if (parent.test === current) return true;
          current = parent;
          break;
        case AST_NODE_TYPES.MemberExpression:
          // `value.split(',')`, `value.length`: the value goes on only through a method's result.
          if (parent.object !== current) return false;
          current =
            parent.parent?.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent
              ? parent.parent
              : parent;
          break;
        case AST_NODE_TYPES.CallExpression:
          // `.map((part) => part.trim())` takes callbacks, not the value; a keeping callee keeps it.
          if (parent.callee === current) return false;
          if (!KEEPING_CALLEES.test(textOf(parent.callee))) return false;
          current = parent;
          break;
        case AST_NODE_TYPES.LogicalExpression:
        case AST_NODE_TYPES.ChainExpression:
        case AST_NODE_TYPES.TemplateLiteral:
          current = parent;
          break;
        default:
          if (skipTypeWrappers(parent) !== parent) {
            current = parent;
            break;
          }
          return false;
      }
    }
    return false;
  });
  return onlyReshaped && returned;
}

/**
 * Whether the bindings a declarator makes are handed on: the declaration is exported, a name is
 * in an `export { … }` list, or a read of it leaves the file.
 */
export function bindingLeavesFile(
  declarator: TSESTree.VariableDeclarator,
  depth = 0,
  name?: string,
  namedFilters = true,
): boolean {
  if (declarator.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return true;
  // `origins = [...origins, extra]`: a read that leads back to a binding being followed adds nothing.
  if (followedBindings.has(declarator)) return false;
  followedBindings.add(declarator);
  try {
    return declaredVariables(declarator)
      .filter((variable) => name === undefined || variable.name === name)
      .flatMap((variable) => variable.references)
      .some((reference) => {
        const identifier = reference.identifier as TSESTree.Node;
        if (!reference.isRead()) return false;
        if (identifier.parent?.type === AST_NODE_TYPES.ExportSpecifier) return true;
        return valueLeavesFile(identifier, depth + 1, namedFilters);
      });
  } finally {
    followedBindings.delete(declarator);
  }
}

/** The declarators `bindingLeavesFile` is following the reads of, outermost first. */
const followedBindings = new Set<TSESTree.VariableDeclarator>();
