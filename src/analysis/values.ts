import path from 'node:path';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import {
  childNodes,
  containsNode,
  globalPath,
  isNullishLiteral,
  outermostWrapper,
  passesName,
  sameThis,
  skipTypeWrappers,
  walk,
} from './ast';
import {
  commonJsExportName,
  exportedBy,
  exportName,
  importedFile,
  importedValue,
  importerCalls,
  importerMemberCalls,
  importerUses,
  loadModule,
  moduleTarget,
  perLintedFile,
  requiredValue,
  type ExternalRef,
  type ModuleFilter,
} from './exports';
import { declaresSubclass, manifestDependsOn, mayGiveClass, sourceModulesIn } from './module-graph';
import { H3_MODULES, NITRO_PACKAGES } from '../frameworks/h3';
import { getterDefault, optionValues, type OptionValue } from './option-defaults';
import {
  declaredVariables,
  isLinted,
  moduleOf,
  programOf,
  textOf,
  propertyName,
  scopeOf,
  staticValue,
  variableOf,
} from './program';

/**
 * What an expression evaluates to, as far as the code shows it: through variables, destructuring,
 * object properties and spreads, imports and re-exports of other modules of the project, class
 * fields (`this.app = express()`), every assignment of a `let`, the values a function returns,
 * and a parameter's default and the arguments of every call the code shows.
 */

/** How many variables, properties, calls and branches a value is followed through before giving up. */
const MAX_DEPTH = 12;

/** One value an expression may evaluate to: known statically, or not. `node` is where it is written. */
export type PossibleValue =
  | {
      readonly known: true;
      readonly value: unknown;
      readonly node: TSESTree.Node;
      /** `undefined` that no code writes: an option with no default, declared at `node`. */
      readonly absent?: true;
    }
  | { readonly known: false; readonly node: TSESTree.Node };

/** A function node: what a handler, a middleware or an origin callback is. */
export type HandlerFunction =
  TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is HandlerFunction {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration
  );
}

/** The nearest function that holds a node, if any. */
export function enclosingFunction(node: TSESTree.Node): HandlerFunction | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return null;
}

/** The outermost function that holds a node: a module-level one, if the node is in one. */
export function outermostFunction(node: TSESTree.Node): HandlerFunction | null {
  let found: HandlerFunction | null = null;
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) found = current;
  }
  return found;
}

/** The expressions a variable is given: its initialiser and the right side of each plain assignment. */
export function writtenValues(variable: Scope.Variable): TSESTree.Node[] {
  const values: TSESTree.Node[] = [];
  for (const reference of variable.references) {
    if (!reference.isWrite()) continue;
    const identifier = reference.identifier as TSESTree.Node;
    const parent = identifier.parent;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id === identifier && parent.init) {
      values.push(parent.init);
    } else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === identifier) {
      if (parent.operator !== '=') return [];
      values.push(parent.right);
    } else if (reference.writeExpr) {
      // A write through a pattern (`({ a: x } = obj)`, `for (x of list)`): not followed.
      return [];
    }
  }
  return values;
}

/**
 * The expression a name stands for, when the code says so unambiguously: `const x = expr`,
 * `const { a: x = fallback } = obj` (through the object's property), a `let` written once, an
 * import (in the module that exports it). `null` for parameters, installed packages' imports, and
 * anything assigned more than once.
 */
export function resolveIdentifier(id: TSESTree.Identifier, depth = 0): TSESTree.Node | null {
  if (depth > MAX_DEPTH) return null;
  const variable = variableOf(id);
  const def = variable?.defs[0];
  if (!variable || !def || variable.defs.length !== 1) return null;
  if (def.type === 'ImportBinding') {
    const imported = importedValue(id);
    return imported?.kind === 'node' ? imported.node : null;
  }
  if (def.type === 'Parameter') return fulfilledValue(def.node, def.name as TSESTree.Node, variable);
  if (def.type !== 'Variable') return null;
  const declarator = def.node;
  const writes = variable.references.filter((reference) => reference.isWrite());
  if (writes.length > 1) return null;
  if (!declarator.init) {
    // `let app; … app = express();`: the one assignment.
    const [only] = writtenValues(variable);
    return writes.length === 1 && only ? only : null;
  }
  if (declarator.id.type === AST_NODE_TYPES.Identifier) return declarator.init;
  return resolvePatternValue(declarator.id, declarator.init, def.name, depth + 1);
}

/**
 * What the first parameter of a `.then()` callback holds: what the promise it is called on
 * fulfils with (`makeApp().then((app) => app.listen(3000))`), read as `await` reads it.
 */
function fulfilledValue(fn: TSESTree.Node, name: TSESTree.Node, variable: Scope.Variable): TSESTree.Node | null {
  const call = fn.parent;
  if (
    !isFunctionNode(fn) ||
    fn.params[0] !== name ||
    call?.type !== AST_NODE_TYPES.CallExpression ||
    call.arguments[0] !== fn ||
    call.callee.type !== AST_NODE_TYPES.MemberExpression ||
    memberName(call.callee) !== 'then' ||
    variable.references.some((reference) => reference.isWrite())
  )
    return null;
  return call.callee.object;
}

/** Follows a destructuring pattern to the value that `target` receives from `value`. */
function resolvePatternValue(
  pattern: TSESTree.Node,
  value: TSESTree.Node | null,
  target: TSESTree.Identifier,
  depth: number,
): TSESTree.Node | null {
  if (depth > MAX_DEPTH) return null;
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      return pattern === target ? value : null;
    case AST_NODE_TYPES.AssignmentPattern: {
      if (!containsNode(pattern.left, target)) return null;
      // With a default, the value is the property when present, else the default.
      return value ?? resolvePatternValue(pattern.left, pattern.right, target, depth + 1);
    }
    case AST_NODE_TYPES.ObjectPattern: {
      for (const property of pattern.properties) {
        if (property.type !== AST_NODE_TYPES.Property || !containsNode(property.value, target)) continue;
        const name = propertyName(property);
        if (name === null) return null;
        const propertyValue = value ? memberValue(value, name, depth + 1) : null;
        if (propertyValue === undefined) return null;
        return resolvePatternValue(property.value, propertyValue, target, depth + 1);
      }
      return null;
    }
    default:
      return null;
  }
}

/**
 * The value of property `name` of what `object` evaluates to: an object literal's property, a
 * module's export, a class instance's field. `null` when it is certainly absent, `undefined` when
 * the code does not tell.
 */
function memberValue(object: TSESTree.Node, name: string, depth: number): TSESTree.Node | null | undefined {
  const resolved = resolveExpression(object, depth);
  if (!resolved) return undefined;
  if (resolved.type === AST_NODE_TYPES.ObjectExpression) {
    const found = findObjectProperty(resolved, name, depth + 1);
    if (found.kind === 'found') return found.value ?? undefined;
    return found.kind === 'missing' ? null : undefined;
  }
  if (resolved.type === AST_NODE_TYPES.Program) {
    const exported = exportedBy({ kind: 'program', program: resolved }, name);
    return exported?.kind === 'node' ? exported.node : undefined;
  }
  const fields = instanceFields(resolved, name);
  if (fields?.length === 1) return fields[0];
  return undefined;
}

/**
 * The object literal an expression evaluates to, following constants and wrappers:
 * `opts`, `opts as CorsOptions`, `config.cors` where `config` is a constant object literal.
 */
export function resolveObjectExpression(node: TSESTree.Node, depth = 0): TSESTree.ObjectExpression | null {
  const resolved = resolveExpression(node, depth);
  return resolved?.type === AST_NODE_TYPES.ObjectExpression ? resolved : null;
}

/**
 * The object literal an option holds whenever it is set at all: `cond ? { … } : undefined`,
 * `cond && { … }`, or the object itself. `null` when a set value may be anything else.
 */
export function resolveObjectWhenSet(node: TSESTree.Node, depth = 0): TSESTree.ObjectExpression | null {
  const object = resolveObjectExpression(node, depth);
  if (object) return object;
  const resolved = skipTypeWrappers(resolveExpression(node, depth) ?? node);
  if (resolved.type === AST_NODE_TYPES.ConditionalExpression) {
    const [set, unset] = isNullish(resolved.alternate)
      ? [resolved.consequent, resolved.alternate]
      : [resolved.alternate, resolved.consequent];
    return isNullish(unset) ? resolveObjectExpression(set, depth + 1) : null;
  }
  if (resolved.type === AST_NODE_TYPES.LogicalExpression && resolved.operator === '&&')
    return resolveObjectExpression(resolved.right, depth + 1);
  return null;
}

/**
 * Follows an expression through wrappers, stable variables, constant object properties, imports,
 * class fields assigned once, and functions that return one value, to the expression that
 * produces its value. Stops at anything else (a call of an installed package, a conditional), and
 * returns the expression itself when it cannot go further. A module's namespace is its Program.
 */
export function resolveExpression(node: TSESTree.Node, depth = 0): TSESTree.Node | null {
  let current: TSESTree.Node = skipTypeWrappers(node);
  for (let step = depth; step <= MAX_DEPTH; step++) {
    let next: TSESTree.Node | null | undefined = null;
    switch (current.type) {
      case AST_NODE_TYPES.Identifier:
        next = resolveIdentifier(current, step);
        // `const hosts = []; hosts.push(…)`: the literal is only where the value starts.
        if (next && isMutatedLiteral(current, next)) return current;
        break;
      case AST_NODE_TYPES.MemberExpression: {
        if (current.optional) break;
        const name = memberName(current);
        if (name === null) break;
        if (current.object.type === AST_NODE_TYPES.ThisExpression) {
          const fields = instanceFields(current.object, name);
          next = fields?.length === 1 ? fields[0] : null;
        } else {
          next = memberValue(current.object, name, step + 1) ?? null;
        }
        break;
      }
      case AST_NODE_TYPES.CallExpression:
        next = callValue(current, step);
        break;
      case AST_NODE_TYPES.AwaitExpression:
        next = current.argument;
        break;
      case AST_NODE_TYPES.ImportExpression:
        next = dynamicImportValue(current);
        break;
      default:
        break;
    }
    if (!next || next === current) return current;
    current = skipTypeWrappers(next);
  }
  return null;
}

/**
 * `resolveExpression` of what a method is called on (`this.wss.on(…)`): a class field that is
 * first given a placeholder (`this.wss = null` in the constructor) and one value later holds that
 * value wherever a method is called on it, for a call on `null` would throw.
 */
export function resolveReceiver(receiver: TSESTree.Node): TSESTree.Node | null {
  const expression = skipTypeWrappers(receiver);
  if (expression.type === AST_NODE_TYPES.MemberExpression && expression.object.type === AST_NODE_TYPES.ThisExpression) {
    const name = memberName(expression);
    const values = name === null ? null : instanceFields(expression.object, name);
    const real = values?.filter((value) => !isNullishLiteral(skipTypeWrappers(value)));
    if (values && values.length > 1 && real?.length === 1) {
      const value = skipTypeWrappers(real[0]!);
      return resolveExpression(value) ?? value;
    }
  }
  return resolveExpression(receiver);
}

/** The name a member expression reads: `x.a`, `x['a']`, `this.#a` (as `#a`). */
export function memberName(member: TSESTree.MemberExpression): string | null {
  if (member.property.type === AST_NODE_TYPES.PrivateIdentifier) return `#${member.property.name}`;
  return propertyName(member);
}

/** `require('./config')` (the module's exports), and a call of a function that returns one value. */
function callValue(call: TSESTree.CallExpression, depth: number): TSESTree.Node | null {
  const callee = skipTypeWrappers(call.callee);
  const specifier = requireSpecifier(call);
  if (specifier !== null) {
    const required = requiredValue(call, specifier);
    return required?.kind === 'node' ? required.node : null;
  }
  // `Object.freeze({ … })` is the object it is given.
  if (isObjectFreeze(callee) && call.arguments.length === 1 && call.arguments[0]!.type !== AST_NODE_TYPES.SpreadElement)
    return call.arguments[0]!;
  if (callee.type === AST_NODE_TYPES.Identifier || callee.type === AST_NODE_TYPES.MemberExpression) {
    const fn = resolveFunction(callee, depth + 1);
    const returned = fn ? returnedExpressions(fn) : [];
    return returned.length === 1 && !readsParameters(returned[0]!, fn!) ? returned[0]! : null;
  }
  return null;
}

/**
 * Whether an expression is a non-empty array (`allowedOrigins: ['https://…']`) whatever it holds:
 * `'unknown'` where one of its values is not known (a list from the environment, say).
 */
export function nonEmptyList(node: TSESTree.Node): boolean | 'unknown' {
  const lists = possibleValues(node);
  if (lists.every((list) => list.known && Array.isArray(list.value) && list.value.length > 0)) return true;
  return lists.some((list) => !list.known) ? 'unknown' : false;
}

/** `Object.freeze`, with `Object` the global. */
function isObjectFreeze(callee: TSESTree.Node): boolean {
  return globalPath(callee)?.join('.') === 'Object.freeze';
}

/** `import('./x')` of a project module: its namespace. */
function dynamicImportValue(node: TSESTree.ImportExpression): TSESTree.Node | null {
  const source = node.source.type === AST_NODE_TYPES.Literal ? node.source.value : null;
  if (typeof source !== 'string') return null;
  const target = moduleTarget(node, source);
  return target?.kind === 'program' ? target.program : null;
}

/** The module a `require('x')` call loads, when its argument is a string and `require` is the global. */
export function requireSpecifier(node: TSESTree.Node): string | null {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length !== 1) return null;
  const callee = node.callee;
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'require') return null;
  if (variableOf(callee)?.defs.length) return null;
  const [first] = node.arguments;
  const value = first && first.type !== AST_NODE_TYPES.SpreadElement ? staticValue(first) : null;
  return typeof value?.value === 'string' ? value.value : null;
}

/**
 * Whether an expression holds a node `test` picks out: in place, or through the values of the
 * names it uses, `names` names deep (`raw ? raw.split(',') : []` with `const raw = process.env.X`).
 */
export function holdsThrough(
  node: TSESTree.Node,
  test: (node: TSESTree.Node) => boolean,
  names: number,
  // The values already looked through, with the names left then: each again only with more left,
  // or a chain of names that share values grows with the number of paths through them (a long
  // handler of `const a = f(b, c)` lines).
  seen: Map<TSESTree.Node, number> = new Map(),
): boolean {
  let found = false;
  walk(node, (inner) => {
    if (found) return;
    if (test(inner)) found = true;
    else if (names > 0 && inner.type === AST_NODE_TYPES.Identifier) {
      const value = resolveExpression(inner);
      if (value && value !== inner && (seen.get(value) ?? -1) < names - 1) {
        seen.set(value, names - 1);
        if (holdsThrough(value, test, names - 1, seen)) found = true;
      }
    }
  });
  return found;
}

/** What an object literal says about one of its properties, counting spreads of known objects. */
export type PropertyLookup =
  /**
   * The property is set; `value` is `null` for a method or accessor. `conditional`: only under a
   * condition of a spread the analysis does not decide (`...(http ? { net } : {})`).
   */
  | {
      readonly kind: 'found';
      readonly property: TSESTree.Property;
      readonly value: TSESTree.Expression | null;
      readonly conditional?: boolean;
    }
  /** No property of that name, in the object or anything spread into it. */
  | { readonly kind: 'missing' }
  /** A spread or computed key that the code does not explain may set it. */
  | { readonly kind: 'unknown' };

/**
 * Looks a property up the way the engine does: the last definition wins, spreads included. A
 * spread whose argument `setsNothing` accepts (an object known to hold no such property) is passed over.
 */
export function findObjectProperty(
  object: TSESTree.ObjectExpression,
  name: string,
  depth = 0,
  setsNothing?: (argument: TSESTree.Expression) => boolean,
): PropertyLookup {
  if (depth > MAX_DEPTH) return { kind: 'unknown' };
  for (let index = object.properties.length - 1; index >= 0; index--) {
    const property = object.properties[index]!;
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      if (setsNothing?.(property.argument)) continue;
      const spread = resolveObjectExpression(property.argument, depth + 1);
      if (!spread) {
        if (isNullish(property.argument)) continue;
        // `...(http ? { net } : {})`: what the branch that sets it sets, when only one does.
        const branches = spreadBranches(property.argument, depth + 1);
        const setting = branches?.map((branch) => findObjectProperty(branch, name, depth + 1));
        const hits = setting?.filter((lookup) => lookup.kind !== 'missing') ?? [];
        if (setting && hits.length === 0) continue;
        const [hit] = hits;
        if (setting && hits.length === 1 && hit) return hit.kind === 'found' ? { ...hit, conditional: true } : hit;
        return { kind: 'unknown' };
      }
      const inner = findObjectProperty(spread, name, depth + 1);
      if (inner.kind !== 'missing') return inner;
      continue;
    }
    const key = propertyName(property);
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

/**
 * The objects a spread argument may be, branch by branch: `cond ? { net } : {}`, `cond && { net }`
 * (a nullish or `false` branch spreads nothing). `null` when a branch is not an object literal.
 */
function spreadBranches(argument: TSESTree.Node, depth: number): TSESTree.ObjectExpression[] | null {
  const expression = skipTypeWrappers(argument);
  const candidates =
    expression.type === AST_NODE_TYPES.ConditionalExpression
      ? [expression.consequent, expression.alternate]
      : expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator === '&&'
        ? [expression.right]
        : null;
  if (!candidates) return null;
  const objects: TSESTree.ObjectExpression[] = [];
  for (const candidate of candidates) {
    if (isNullish(candidate) || staticValue(candidate)?.value === false) continue;
    const object = resolveObjectExpression(candidate, depth);
    if (!object) return null;
    objects.push(object);
  }
  return objects;
}

/**
 * Every value property `name` of an object literal can have: where a spread the code does not
 * explain comes after a known value (`{ origin: '*', ...options }`), the value is the known one
 * or whatever the spread holds; where nothing sets it, `undefined`, unless such a spread might.
 */
export function propertyValues(object: TSESTree.ObjectExpression, name: string, depth = 0): PossibleValue[] {
  if (depth > MAX_DEPTH) return [{ known: false, node: object }];
  const values: PossibleValue[] = [];
  for (let index = object.properties.length - 1; index >= 0; index--) {
    const property = object.properties[index]!;
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const spread = resolveObjectExpression(property.argument, depth + 1);
      if (!spread) {
        if (isNullish(property.argument)) continue;
        // `...(http ? { net } : {})`: what each branch sets; where a branch sets nothing, what comes before.
        const branches = spreadBranches(property.argument, depth + 1);
        if (branches) {
          const lookups = branches.map((branch) => findObjectProperty(branch, name, depth + 1));
          for (const lookup of lookups) {
            if (lookup.kind === 'found' && lookup.value) values.push(...possibleValues(lookup.value, depth + 1));
            else if (lookup.kind !== 'missing') values.push({ known: false, node: property.argument });
          }
          if (lookups.length === 2 && lookups.every((lookup) => lookup.kind !== 'missing')) return values;
          continue;
        }
        values.push({ known: false, node: property.argument });
        continue;
      }
      const inner = findObjectProperty(spread, name, depth + 1);
      if (inner.kind === 'missing') continue;
      if (inner.kind === 'found' && inner.value) return [...values, ...possibleValues(inner.value, depth + 1)];
      values.push({ known: false, node: property.argument });
      if (inner.kind === 'found') return values;
      continue;
    }
    const key = propertyName(property);
    if (key === null) {
      values.push({ known: false, node: property });
      continue;
    }
    if (key !== name) continue;
    if (property.kind !== 'init' || property.method || property.value.type === AST_NODE_TYPES.AssignmentPattern) {
      return [...values, { known: false, node: property }];
    }
    return [...values, ...possibleValues(property.value, depth + 1)];
  }
  // Absent, unless a spread or key the code does not explain sets it: then that is all it can say.
  if (values.length > 0) return values;
  return [{ known: true, value: undefined, node: object }];
}

/**
 * The branch of `const host = mode === 'http' ? resolveHost() : null` that a use of `host` sees,
 * when the use sits where the same test is known to hold (`if (mode === 'http') listen(port, host)`)
 * or known to fail; `null` when the use could see either.
 */
function branchTaken(use: TSESTree.Node, value: TSESTree.Node): TSESTree.Node | null {
  const choice = skipTypeWrappers(value);
  if (choice.type !== AST_NODE_TYPES.ConditionalExpression || !isStableTest(choice.test)) return null;
  const holds = knownOutcome(use, choice.test);
  return holds === null ? null : holds ? choice.consequent : choice.alternate;
}

/** Whether the branches around a node decide `test`: `true` or `false` there, or `null`. */
function knownOutcome(node: TSESTree.Node, test: TSESTree.Expression): boolean | null {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    let decided: boolean | null = null;
    if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) {
      if (child === parent.consequent) decided = implies(parent.test, test, true);
      else if (child === parent.alternate) decided = implies(parent.test, test, false);
    } else if (parent.type === AST_NODE_TYPES.LogicalExpression && child === parent.right) {
      if (parent.operator === '&&') decided = implies(parent.left, test, true);
      else if (parent.operator === '||') decided = implies(parent.left, test, false);
    }
    if (decided !== null) return decided;
  }
  return null;
}

/** What `condition` having the outcome `outcome` says of `test`: its outcome, or `null`. */
function implies(condition: TSESTree.Expression, test: TSESTree.Expression, outcome: boolean): boolean | null {
  const inner = skipTypeWrappers(condition) as TSESTree.Expression;
  if (sameTest(inner, test)) return outcome;
  // `mode !== 'http'` failing is `mode === 'http'` holding.
  if (
    inner.type === AST_NODE_TYPES.BinaryExpression &&
    test.type === AST_NODE_TYPES.BinaryExpression &&
    NEGATED_OPERATORS[inner.operator] === test.operator &&
    sameTest(inner.left, test.left) &&
    sameTest(inner.right, test.right)
  ) {
    return !outcome;
  }
  if (inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === '!') {
    return implies(inner.argument, test, !outcome);
  }
  // Every side of a `&&` that held holds; every side of a `||` that failed failed.
  if (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator === (outcome ? '&&' : '||')) {
    return implies(inner.left, test, outcome) ?? implies(inner.right, test, outcome);
  }
  return null;
}

/**
 * The values of a name, less the objects the branches around this use rule out by a tag they test
 * (`if (settings.kind === 'help') … else serveHttp(settings)`: not the `{ kind: 'help' }` that
 * `readSettings()` may return). An object whose tag the code does not show stays.
 */
function narrowedByTag(use: TSESTree.Identifier, values: PossibleValue[], depth: number): PossibleValue[] {
  if (values.length < 2) return values;
  const variable = variableOf(use);
  if (!variable || !isUnchangingName(use)) return values;
  const facts = tagFacts(use, variable);
  if (facts.length === 0) return values;
  const kept = values.filter((candidate) => {
    const object = candidate.known ? null : resolveObjectExpression(candidate.node, depth + 1);
    return facts.every(({ key, value, equal, loose }) => {
      let tag: { value: unknown } | null = null;
      if (candidate.known) {
        const held = candidate.value;
        if (held === null || typeof held !== 'object' || Array.isArray(held)) return true;
        tag = { value: (held as Record<string, unknown>)[key] };
      } else if (object) {
        // A property the object does not have is `undefined`; one a spread may hold is unknown.
        const property = findObjectProperty(object, key);
        if (property.kind === 'missing') tag = { value: undefined };
        else if (property.kind === 'found' && property.value) tag = staticValue(property.value);
      }
      if (!tag) return true;
      const same = loose ? tag.value == value : tag.value === value;
      return same === equal;
    });
  });
  return kept.length > 0 ? kept : values;
}

/** What the branches around a use say of its tags: `key` is (or is not) `value` there. */
interface TagFact {
  readonly key: string;
  readonly value: unknown;
  readonly equal: boolean;
  /** Compared with `==` or `!=`. */
  readonly loose: boolean;
}

function tagFacts(use: TSESTree.Node, variable: Scope.Variable): TagFact[] {
  const facts: TagFact[] = [];
  for (let child: TSESTree.Node = use, parent = use.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) {
      if (child === parent.consequent) collectTagFacts(parent.test, true, variable, facts);
      else if (child === parent.alternate) collectTagFacts(parent.test, false, variable, facts);
    } else if (parent.type === AST_NODE_TYPES.LogicalExpression && child === parent.right) {
      if (parent.operator === '&&') collectTagFacts(parent.left, true, variable, facts);
      else if (parent.operator === '||') collectTagFacts(parent.left, false, variable, facts);
    } else if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program) {
      // `if (settings.kind !== 'http') return;` before the use: past it, the test failed.
      for (const statement of parent.body) {
        if (statement === child) break;
        if (
          statement.type === AST_NODE_TYPES.IfStatement &&
          !statement.alternate &&
          alwaysLeaves(statement.consequent)
        ) {
          collectTagFacts(statement.test, false, variable, facts);
        }
      }
    }
    if (isFunctionNode(parent)) break;
  }
  return facts;
}

/** Whether a branch always leaves what holds it: it ends in `return` or `throw`. */
function alwaysLeaves(branch: TSESTree.Statement): boolean {
  const last = branch.type === AST_NODE_TYPES.BlockStatement ? branch.body.at(-1) : branch;
  return last?.type === AST_NODE_TYPES.ReturnStatement || last?.type === AST_NODE_TYPES.ThrowStatement;
}

/** The tag tests of `variable` that `test` having the outcome `outcome` decides. */
function collectTagFacts(test: TSESTree.Node, outcome: boolean, variable: Scope.Variable, facts: TagFact[]): void {
  const inner = skipTypeWrappers(test);
  if (inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === '!') {
    collectTagFacts(inner.argument, !outcome, variable, facts);
    return;
  }
  if (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator === (outcome ? '&&' : '||')) {
    collectTagFacts(inner.left, outcome, variable, facts);
    collectTagFacts(inner.right, outcome, variable, facts);
    return;
  }
  if (inner.type !== AST_NODE_TYPES.BinaryExpression || !(inner.operator in NEGATED_OPERATORS)) return;
  const equal = (inner.operator === '===' || inner.operator === '==') === outcome;
  for (const [side, other] of [
    [inner.left, inner.right],
    [inner.right, inner.left],
  ] as const) {
    const member = skipTypeWrappers(side);
    if (member.type !== AST_NODE_TYPES.MemberExpression) continue;
    const object = skipTypeWrappers(member.object);
    const key = memberName(member);
    const value = staticValue(other);
    if (key === null || !value || object.type !== AST_NODE_TYPES.Identifier || variableOf(object) !== variable)
      continue;
    // Only what holds is sure: `kind !== 'help'` rules out one tag, `kind === 'http'` every other.
    facts.push({ key, value: value.value, equal, loose: inner.operator === '==' || inner.operator === '!=' });
    return;
  }
}

const NEGATED_OPERATORS: Readonly<Record<string, string>> = { '===': '!==', '!==': '===', '==': '!=', '!=': '==' };

/** The same test on the same unchanging names: `mode === 'http'` here and there. */
function sameTest(a: TSESTree.Node, b: TSESTree.Node): boolean {
  const left = skipTypeWrappers(a);
  const right = skipTypeWrappers(b);
  if (left.type !== right.type) return false;
  switch (left.type) {
    case AST_NODE_TYPES.Identifier: {
      const variable = variableOf(left);
      return variable !== null && variable === variableOf(right as TSESTree.Identifier);
    }
    case AST_NODE_TYPES.Literal:
      return left.raw === (right as TSESTree.Literal).raw;
    case AST_NODE_TYPES.MemberExpression: {
      const other = right as TSESTree.MemberExpression;
      const name = memberName(left);
      return name !== null && name === memberName(other) && sameTest(left.object, other.object);
    }
    case AST_NODE_TYPES.UnaryExpression:
      return (
        left.operator === (right as TSESTree.UnaryExpression).operator &&
        sameTest(left.argument, (right as TSESTree.UnaryExpression).argument)
      );
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression: {
      const other = right as TSESTree.BinaryExpression | TSESTree.LogicalExpression;
      return left.operator === other.operator && sameTest(left.left, other.left) && sameTest(left.right, other.right);
    }
    default:
      return false;
  }
}

/** A test whose outcome cannot change between two places: names written once, no calls. */
function isStableTest(test: TSESTree.Node): boolean {
  const node = skipTypeWrappers(test);
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      return isUnchangingName(node);
    case AST_NODE_TYPES.Literal:
      return true;
    case AST_NODE_TYPES.MemberExpression: {
      // `transport.type` of a name written once, whose property this module never writes.
      const name = memberName(node);
      const object = skipTypeWrappers(node.object);
      return (
        name !== null &&
        object.type === AST_NODE_TYPES.Identifier &&
        isUnchangingName(object) &&
        !propertyWritten(object, name)
      );
    }
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === '!' && isStableTest(node.argument);
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return isStableTest(node.left) && isStableTest(node.right);
    default:
      return false;
  }
}

/**
 * A variable declared here and written only where it is declared: not a parameter (whose object a
 * caller may change) nor an import (a live binding its module may reassign).
 */
function isUnchangingName(id: TSESTree.Identifier): boolean {
  const variable = variableOf(id);
  return (
    variable !== null &&
    variable.defs.length === 1 &&
    variable.defs[0]!.type === 'Variable' &&
    variable.references.every((reference) => !reference.isWrite() || reference.init === true)
  );
}

/**
 * Whether a value is known to be `null` or `undefined`, through constants (`const NONE = null`):
 * not `isNullishLiteral`, which takes only what is written out, `void f()` included.
 */
function isNullish(node: TSESTree.Node): boolean {
  const result = staticValue(node);
  return result !== null && result.value == null;
}

/**
 * Every value an expression can take, as far as the code tells: both sides of a ternary, the
 * fallback of `||` and `??` (and the left side unless it is statically decided), constants and
 * constant object properties, imports, every assignment of a variable or a class field, every
 * value a function returns, and for a parameter its default and the argument of each call the
 * module shows (with an unknown value besides when it may be called from elsewhere). Anything
 * else is one unknown value.
 */
export function possibleValues(node: TSESTree.Node, depth = 0): PossibleValue[] {
  const expression = skipTypeWrappers(node);
  const cached = valueCache.get(expression);
  if (cached) return cached;
  const values = collect(node, depth, { seen: new Set(), steps: 0 });
  valueCache.set(expression, values);
  return values;
}

/**
 * Values already worked out, by expression. A module's tree is replaced when its file changes,
 * so an expression's values never go stale; the cache goes with the tree.
 */
const valueCache = new WeakMap<TSESTree.Node, PossibleValue[]>();

/** How many expressions one question may visit: parameters fan out to every call, and calls to every return. */
const MAX_STEPS = 400;

/** The expressions on the way to the current one (a cycle is cut there), and the work done so far. */
interface Walk {
  readonly seen: Set<TSESTree.Node>;
  steps: number;
}

function collect(node: TSESTree.Node, depth: number, seen: Walk): PossibleValue[] {
  const expression = skipTypeWrappers(node);
  if (depth > MAX_DEPTH || seen.seen.has(expression) || ++seen.steps > MAX_STEPS) {
    return [{ known: false, node: expression }];
  }
  seen.seen.add(expression);
  const literal = staticValue(expression);
  if (literal) return [{ known: true, value: literal.value, node: expression }];
  const recurse = (inner: TSESTree.Node): PossibleValue[] => collect(inner, depth + 1, seen);
  // An object's property that its module assigns: the value it starts with and every value written
  // to it, and an unknown one (at `unknown`) where code elsewhere may write it too.
  const assignedValues = (holder: TSESTree.Node, name: string, unknown: TSESTree.Node): PossibleValue[] | null => {
    const assigned = assignedPropertyValues(holder, name, depth + 1);
    if (!assigned) return null;
    return [
      ...(assigned.initial ? propertyValues(assigned.initial, name, depth + 1) : []),
      ...assigned.writes.flatMap(recurse),
      ...(assigned.elsewhere ? [{ known: false, node: unknown } as const] : []),
    ];
  };
  switch (expression.type) {
    case AST_NODE_TYPES.ConditionalExpression:
      return [...recurse(expression.consequent), ...recurse(expression.alternate)];
    case AST_NODE_TYPES.LogicalExpression: {
      const left = recurse(expression.left);
      const right = recurse(expression.right);
      // The left side is what results when it is kept (truthy for ||, falsy for &&, not nullish for ??);
      // which of the statically known left values survive depends on the operator.
      const keepsLeft = (value: unknown): boolean =>
        expression.operator === '||' ? Boolean(value) : expression.operator === '&&' ? !value : value != null;
      const kept = left.filter((candidate) => !candidate.known || keepsLeft(candidate.value));
      const fallsThrough = left.some((candidate) => !candidate.known || !keepsLeft(candidate.value));
      return fallsThrough ? [...kept, ...right] : kept;
    }
    case AST_NODE_TYPES.AwaitExpression:
      return recurse(expression.argument);
    case AST_NODE_TYPES.Identifier: {
      const resolved = resolveExpression(expression, depth + 1);
      if (resolved && resolved !== expression) {
        return narrowedByTag(expression, recurse(branchTaken(expression, resolved) ?? resolved), depth);
      }
      const variable = variableOf(expression);
      const def = variable?.defs[0];
      if (!variable || !def || variable.defs.length !== 1) return [{ known: false, node: expression }];
      if (def.type === 'Variable') {
        const writes = writtenValues(variable);
        if (
          writes.length > 1 &&
          variable.references.filter((reference) => reference.isWrite()).length === writes.length
        ) {
          const values = writes.flatMap(recurse);
          // `let x;` declared without a value holds `undefined` until it is assigned.
          return def.node.init ? values : [...values, { known: true, value: undefined, node: def.node }];
        }
        // `const { host } = program.opts()`: an option of a parser.
        const declarator = def.node;
        if (declarator.id.type === AST_NODE_TYPES.ObjectPattern && declarator.init) {
          const property = def.name.parent;
          const key =
            property?.type === AST_NODE_TYPES.Property && property.value === def.name ? propertyName(property) : null;
          const options = key === null ? null : optionValues(declarator.init, key);
          if (options) return options.map(optionValue);
        }
        // `const { HOST = '127.0.0.1' } = process.env`: whatever the object holds, or the default.
        const fallback = bindingDefault(expression);
        return fallback
          ? [{ known: false, node: expression }, ...recurse(fallback)]
          : [{ known: false, node: expression }];
      }
      if (def.type === 'Parameter') return parameterValues(expression, variable, depth + 1, seen);
      return [{ known: false, node: expression }];
    }
    case AST_NODE_TYPES.MemberExpression: {
      const resolved = resolveExpression(expression, depth + 1);
      if (resolved && resolved !== expression) return recurse(resolved);
      const name = memberName(expression);
      if (name === null) return [{ known: false, node: expression }];
      const fields = instanceFields(expression.object, name);
      if (fields && fields.length > 0) return fields.flatMap(recurse);
      const object = resolveObjectExpression(expression.object, depth + 1);
      if (object) return propertyValues(object, name, depth + 1);
      // `const state = { host: '0.0.0.0' }; … state.host = options.host;`, read here or through an
      // import: the value the object starts with, and every value its module assigns to the property.
      const assigned = assignedValues(expression.object, name, expression);
      if (assigned) return assigned;
      // An option of a command-line or schema parser: its default, or what the user gives.
      const options = optionValues(expression.object, name);
      if (options) return options.map(optionValue);
      // `resolveHost().host`: the property of each object the function returns, where the object
      // is one the function makes whatever its arguments, and keeps as it is written.
      const holder = skipTypeWrappers(expression.object);
      if (holder.type === AST_NODE_TYPES.CallExpression) {
        const fn = resolveFunction(holder.callee, depth + 1);
        const returned = fn ? returnedExpressions(fn) : [];
        if (fn && returned.length > 1) {
          return returned.flatMap((value): PossibleValue[] => {
            const made = skipTypeWrappers(value);
            if (readsParameters(made, fn)) return [{ known: false, node: made }];
            // `const out = { host: '127.0.0.1' }; out.host = '0.0.0.0'; return out;`
            if (made.type === AST_NODE_TYPES.Identifier && propertyWritten(made, name)) {
              return assignedValues(made, name, made) ?? [{ known: false, node: made }];
            }
            const object = resolveObjectExpression(made, depth + 1);
            return object ? propertyValues(object, name, depth + 1) : [{ known: false, node: made }];
          });
        }
        return [{ known: false, node: expression }];
      }
      // `let options = defaults; if (extra) options = { ...defaults, ...extra };` then `options.origin`:
      // the property of each object the variable is given. Likewise a parameter (`config.host` in
      // `function start(config)`, also kept in a field: `this.config.host`): of each argument.
      const field =
        holder.type === AST_NODE_TYPES.MemberExpression && holder.object.type === AST_NODE_TYPES.ThisExpression
          ? instanceFields(holder.object, memberName(holder) ?? '')
          : null;
      // `this.settings = { ...DEFAULTS, ...(await load()) }` in one method and `{ ...DEFAULTS }` in
      // the field's initialiser: the property of each object the field is given.
      if (field && field.length > 1) {
        return field.flatMap((given) => {
          const object = resolveObjectExpression(given, depth + 1);
          return object ? propertyValues(object, name, depth + 1) : [{ known: false, node: given } as const];
        });
      }
      const named = field?.length === 1 ? skipTypeWrappers(field[0]!) : holder;
      const parameter = named.type === AST_NODE_TYPES.Identifier && variableOf(named)?.defs[0]?.type === 'Parameter';
      if (named.type === AST_NODE_TYPES.Identifier && !propertyWritten(named, name)) {
        const objects = possibleValues(named, depth + 1);
        if (
          (objects.length > 1 || (parameter && objects.length === 1)) &&
          objects.every((candidate) => candidate.known || candidate.node !== named)
        ) {
          return objects.flatMap((candidate) => {
            // An object literal of constants is a known value too: read its property where it is written.
            const resolved = resolveObjectExpression(candidate.node, depth + 1);
            if (resolved) return propertyValues(resolved, name, depth + 1);
            return [{ known: false, node: candidate.known ? expression : candidate.node } as const];
          });
        }
      }
      return [{ known: false, node: expression }];
    }
    case AST_NODE_TYPES.CallExpression: {
      const resolved = resolveExpression(expression, depth + 1);
      if (resolved && resolved !== expression) return recurse(resolved);
      // `flag.toString()`, `String(flag)`: the text of each value.
      const converted = stringConversionOf(expression);
      if (converted) {
        return recurse(converted).map((candidate) =>
          candidate.known ? { known: true, value: String(candidate.value), node: candidate.node } : candidate,
        );
      }
      // `config.get('HOST', '0.0.0.0')`: what the user configures, or the default.
      const fallback = getterDefault(expression);
      if (fallback) return [{ known: false, node: expression }, ...recurse(fallback)];
      const callee = skipTypeWrappers(expression.callee);
      // `(() => { if (dev) return true; return ALLOWED; })()`: a function called where it is written.
      const fn = isFunctionNode(callee)
        ? callee
        : callee.type === AST_NODE_TYPES.Identifier || callee.type === AST_NODE_TYPES.MemberExpression
          ? resolveFunction(callee, depth + 1)
          : null;
      // An async function hands back a promise of what it returns, unless the call is awaited; a
      // generator, an iterator.
      const awaited = outermostWrapper(expression).parent?.type === AST_NODE_TYPES.AwaitExpression;
      const returned = fn && !fn.generator && (!fn.async || awaited) ? returnedExpressions(fn) : [];
      if (returned.length === 0) return [{ known: false, node: expression }];
      // What a function returns from its arguments depends on the call (and on the checks it
      // makes of them): only what it returns on its own is known, also in a branch of a `?:`
      // (`dev ? '*' : allowed(origin)`).
      return returned
        .flatMap(conditionalLeaves)
        .flatMap((value) => (readsParameters(value, fn!) ? [{ known: false, node: value }] : recurse(value)));
    }
    default:
      return [{ known: false, node: expression }];
  }
}

/** The values a `?:` may take, its branches' own (`a ? b : c ? d : e` → `b`, `d`, `e`); any other expression itself. */
export function conditionalLeaves(node: TSESTree.Node): TSESTree.Node[] {
  const expression = skipTypeWrappers(node);
  return expression.type === AST_NODE_TYPES.ConditionalExpression
    ? [...conditionalLeaves(expression.consequent), ...conditionalLeaves(expression.alternate)]
    : [node];
}

/**
 * A module-level `const` object literal whose properties the code assigns (`state.host = …`), as
 * an expression reaches it (directly, or through imports): the literal, the values assigned to the
 * property in its module, and whether anything else may change the property (the object handed
 * to a function or spread into `Object.assign`, a computed key, an export others may write to).
 * `null` for anything else.
 */
export function assignedPropertyValues(
  node: TSESTree.Node,
  name: string,
  depth: number,
): { initial: TSESTree.ObjectExpression | null; writes: TSESTree.Node[]; elsewhere: boolean } | null {
  const holder = skipTypeWrappers(resolveExpression(node, depth) ?? node);
  if (holder.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = variableOf(holder);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable') return null;
  const declarator = def.node;
  const declaration = declarator.parent;
  if (
    declaration?.type !== AST_NODE_TYPES.VariableDeclaration ||
    declaration.kind !== 'const' ||
    declarator.id.type !== AST_NODE_TYPES.Identifier ||
    !declarator.init
  )
    return null;
  const initial = skipTypeWrappers(declarator.init);
  if (initial.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const writes: TSESTree.Node[] = [];
  let elsewhere = false;
  for (const reference of variable.references) {
    if (reference.init) continue;
    const use = propertyUse(reference);
    if (use.kind === 'read') continue;
    // `export default state`, `export { state }`: other modules may assign its properties too.
    // Handed to a function, spread or assigned on: anything may change it.
    if (use.kind === 'other' || use.key === null) elsewhere = true;
    else if (use.key === name) {
      if (use.write.type === AST_NODE_TYPES.AssignmentExpression && use.write.operator === '=')
        writes.push(use.write.right);
      else elsewhere = true;
    }
  }
  return writes.length > 0 ? { initial, writes, elsewhere } : null;
}

/** Built-in collections whose contents methods change. */
const COLLECTIONS = new Set(['Array', 'Set', 'Map', 'Headers', 'URLSearchParams']);

/** Methods that change the array, Set or Map they are called on. */
const MUTATING_METHODS = new Set([
  'push',
  'unshift',
  'splice',
  'pop',
  'shift',
  'fill',
  'sort',
  'reverse',
  'copyWithin',
  'add',
  'set',
  'delete',
  'clear',
]);

/**
 * Whether a name bound to an array or object literal (or a new Set or Map) has it changed in
 * place: `list.push(x)`, `list[0] = x`, `options.origin = x`.
 */
function isMutatedLiteral(id: TSESTree.Identifier, value: TSESTree.Node): boolean {
  const literal = skipTypeWrappers(value);
  const collection =
    literal.type === AST_NODE_TYPES.NewExpression &&
    literal.callee.type === AST_NODE_TYPES.Identifier &&
    COLLECTIONS.has(literal.callee.name);
  if (
    literal.type !== AST_NODE_TYPES.ArrayExpression &&
    literal.type !== AST_NODE_TYPES.ObjectExpression &&
    !collection
  ) {
    return false;
  }
  const variable = variableOf(id);
  if (!variable) return false;
  return variable.references.some((reference) => {
    let node: TSESTree.Node = reference.identifier;
    while (
      node.parent &&
      (node.parent.type === AST_NODE_TYPES.TSNonNullExpression || node.parent.type === AST_NODE_TYPES.TSAsExpression)
    ) {
      node = node.parent;
    }
    const member = node.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node) return false;
    const use = member.parent;
    if (use?.type === AST_NODE_TYPES.CallExpression && use.callee === member) {
      const name = propertyName(member);
      return name !== null && MUTATING_METHODS.has(name);
    }
    return (
      (use?.type === AST_NODE_TYPES.AssignmentExpression && use.left === member) ||
      (use?.type === AST_NODE_TYPES.UpdateExpression && use.argument === member)
    );
  });
}

/**
 * The values a parameter takes: its default, and the argument of every call of its function that
 * the module shows; a value that comes from a caller the module does not show is unknown.
 */
function parameterValues(
  id: TSESTree.Identifier,
  variable: Scope.Variable,
  depth: number,
  seen: Walk,
): PossibleValue[] {
  const def = variable.defs[0]!;
  const name = def.name as TSESTree.Identifier;
  // The declaration writes the binding (once for its value, once for the default); any other write is a reassignment.
  if (variable.references.some((reference) => reference.isWrite() && reference.identifier !== name)) {
    return [{ known: false, node: id }];
  }
  const fn = def.node as TSESTree.Node;
  const values: PossibleValue[] = [];
  const fallback = bindingDefault(name);
  const fallbackValues = (): PossibleValue[] => (fallback ? collect(fallback, depth + 1, seen) : []);
  const parameter = topParameter(name);
  const index = isFunctionNode(fn) && parameter ? fn.params.indexOf(parameter as TSESTree.Parameter) : -1;
  const calls = index === -1 || !isFunctionNode(fn) ? null : callsOf(fn);
  // The default counts when a caller the module does not show may leave the value out.
  let defaultApplies = !calls || !calls.complete;
  if (!calls?.complete) values.push({ known: false, node: id });
  for (const call of calls?.calls ?? []) {
    if (call.arguments.slice(0, index + 1).some((candidate) => candidate.type === AST_NODE_TYPES.SpreadElement)) {
      values.push({ known: false, node: call });
      continue;
    }
    const argument = call.arguments[index];
    const passed = argument ? argumentFor(parameter!, name, argument, depth, seen) : undefined;
    if (!passed) {
      if (fallback) defaultApplies = true;
      else values.push({ known: true, value: undefined, node: call });
      continue;
    }
    for (const candidate of passed) {
      // An argument that is `undefined` takes the default too.
      if (fallback && candidate.known && candidate.value === undefined) defaultApplies = true;
      else values.push(candidate);
    }
  }
  if (defaultApplies) values.push(...fallbackValues());
  return values.length > 0 ? values : [{ known: false, node: id }];
}

/** Whether the module writes a property of the variable a name refers to: `settings.host = …`. */
function propertyWritten(id: TSESTree.Identifier, name: string): boolean {
  return (variableOf(id)?.references ?? []).some((reference) => {
    const use = propertyUse(reference);
    return use.kind === 'write' && use.key === name;
  });
}

/**
 * What a reference of an object's variable does with it: writes a property (`state.host = …`,
 * `state.count++`), reads one, or anything else.
 */
type PropertyUse =
  | {
      readonly kind: 'write';
      readonly key: string | null;
      readonly write: TSESTree.AssignmentExpression | TSESTree.UpdateExpression;
    }
  | { readonly kind: 'read' }
  | { readonly kind: 'other' };

function propertyUse(reference: Scope.Reference): PropertyUse {
  const use = outermostWrapper(reference.identifier);
  const member = use.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== use) return { kind: 'other' };
  const target = outermostWrapper(member);
  const write = target.parent;
  if (
    (write?.type === AST_NODE_TYPES.AssignmentExpression && write.left === target) ||
    (write?.type === AST_NODE_TYPES.UpdateExpression && write.argument === target)
  )
    return { kind: 'write', key: memberName(member), write };
  return { kind: 'read' };
}

/** The parameter (a whole pattern) that declares a name. */
function topParameter(name: TSESTree.Identifier): TSESTree.Node | null {
  let current: TSESTree.Node = name;
  while (current.parent && !isFunctionNode(current.parent)) {
    if (current.parent.type === AST_NODE_TYPES.TSParameterProperty) return current.parent;
    current = current.parent;
  }
  return current.parent ? current : null;
}

/**
 * What a name in a parameter pattern receives from the argument of one call: the argument itself
 * for a plain parameter, a property of it for `{ host = '0.0.0.0' }`. `undefined` when the
 * property is missing and the pattern's default applies.
 */
function argumentFor(
  parameter: TSESTree.Node,
  name: TSESTree.Identifier,
  argument: TSESTree.Node,
  depth: number,
  seen: Walk,
): PossibleValue[] | undefined {
  // `constructor(private readonly host: string)`: the parameter inside the property.
  const inner = parameter.type === AST_NODE_TYPES.TSParameterProperty ? parameter.parameter : parameter;
  const pattern = inner.type === AST_NODE_TYPES.AssignmentPattern ? inner.left : inner;
  if (pattern === name) return collect(argument, depth + 1, seen);
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return [{ known: false, node: argument }];
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property || !containsNode(property.value, name)) continue;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    const key = propertyName(property);
    const object = resolveObjectExpression(argument, depth + 1);
    if (value !== name || key === null || !object) return [{ known: false, node: argument }];
    const found = findObjectProperty(object, key, depth + 1);
    if (found.kind === 'missing') return undefined;
    if (found.kind === 'unknown') return [{ known: false, node: argument }, ...propertyValues(object, key, depth + 1)];
    return found.value ? collect(found.value, depth + 1, seen) : [{ known: false, node: found.property }];
  }
  return [{ known: false, node: argument }];
}

/** A call that gives a function its arguments: `fn(…)`, `new Cls(…)`, or `super(…)` in a subclass. */
export type Invocation = TSESTree.CallExpression | TSESTree.NewExpression;

/**
 * The calls of a function that its module shows, and whether they are all of them: a function
 * that is exported, stored, or passed on may be called from elsewhere. For a class's constructor
 * and methods, see `methodCalls`. `local` leaves out the modules that import it.
 */
export function callsOf(fn: HandlerFunction, local = false): { calls: Invocation[]; complete: boolean } | null {
  // A method's calls are read from its whole class (and the classes that make it): asked once per
  // method in a linted file's work, not for each value that flows through a parameter of it.
  if (fn.parent?.type === AST_NODE_TYPES.MethodDefinition && fn.parent.value === fn)
    return local ? localMethodCalls(fn.parent) : allMethodCalls(fn.parent);
  // `export default { async bootstrap(app) { … } }`: `transport.bootstrap(app)` where it is imported.
  const inline = defaultExportMember(fn);
  if (inline !== null) return defaultMemberCalls(fn, [inline], local, { calls: [], complete: true });
  const variable = functionVariable(fn);
  if (!variable) {
    // `module.exports = function (app) { … }`, `exports.routes = (app) => …`, `export default
    // function (app) { … }`: bound to no name of its module, called only where it is imported.
    const exported = directExportName(fn);
    if (exported === null) return null;
    const { file } = moduleOf(fn);
    return local || !file ? { calls: [], complete: false } : importerCalls(file, [exported]);
  }
  const calls: Invocation[] = [];
  let complete = true;
  const members: string[] = [];
  for (const reference of variable.references) {
    // `ReturnType<typeof fn>` names its type, and neither calls nor hands it on.
    if (!reference.isRead() || reference.identifier.parent?.type === AST_NODE_TYPES.TSTypeQuery) continue;
    const holder = outermostWrapper(reference.identifier);
    const parent = holder.parent;
    const member = defaultExportMember(holder);
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === holder) calls.push(parent);
    // `export default { bootstrap }`: the calls of `transport.bootstrap(…)`, read below.
    else if (member !== null) members.push(member);
    // `export { fn }`, `export default fn`, `module.exports = { fn }`: the callers of the export, read below.
    else if (
      parent?.type !== AST_NODE_TYPES.ExportSpecifier &&
      parent?.type !== AST_NODE_TYPES.ExportDefaultDeclaration &&
      commonJsExportName(holder) === null
    )
      complete = false;
  }
  const exported = exportedNames(fn, variable);
  if (exported.length > 0 && local) complete = false;
  else if (exported.length > 0) {
    // The calls of the modules of the package that import it; callers outside it are not known.
    const { file } = moduleOf(fn);
    const imported = file ? importerCalls(file, exported) : { calls: [], complete: false };
    calls.push(...imported.calls);
    if (!imported.complete) complete = false;
  }
  return members.length > 0 ? defaultMemberCalls(fn, members, local, { calls, complete }) : { calls, complete };
}

/**
 * The expressions that hand on what a call returns: the call itself (`await` aside) when it is
 * an argument or a method is called on it, or every read of the `const` that holds it. `null`
 * when it goes anywhere else.
 */
export function resultPlaces(made: Invocation): TSESTree.Node[] | null {
  let value: TSESTree.Node = outermostWrapper(made);
  if (value.parent?.type === AST_NODE_TYPES.AwaitExpression) value = outermostWrapper(value.parent);
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee !== value) return [value];
  // `createApp().listen(port)`: a method called on it.
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === value) return [value];
  if (
    parent?.type !== AST_NODE_TYPES.VariableDeclarator ||
    parent.init !== value ||
    parent.id.type !== AST_NODE_TYPES.Identifier ||
    parent.parent.kind !== 'const'
  )
    return null;
  const reads = (variableOf(parent.id)?.references ?? []).filter((reference) => reference.isRead());
  return reads.map((reference) => outermostWrapper(reference.identifier as TSESTree.Node));
}

/** The name a module exports a function under where it writes it: `module.exports = fn`, `export default fn`. */
function directExportName(fn: HandlerFunction): string | null {
  const holder = outermostWrapper(fn);
  if (holder.parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return 'default';
  return commonJsExportName(holder);
}

/**
 * The key under which a value is a member of the object a module exports as its default
 * (`export default { bootstrap }`, `{ bootstrap: fn }`, `{ bootstrap(app) { … } }`), or `null`.
 */
function defaultExportMember(value: TSESTree.Node): string | null {
  const property = value.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== value || property.computed) return null;
  const object = property.parent;
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const exported = outermostWrapper(object).parent;
  return exported?.type === AST_NODE_TYPES.ExportDefaultDeclaration ? propertyName(property) : null;
}

/**
 * Whether a function of the object a module exports as its default uses `this`
 * (`this.addRoutes(app)` from another member): calls the importers' code does not show.
 */
function exportedObjectUsesThis(program: TSESTree.Program): boolean {
  const exported = program.body.find(
    (statement): statement is TSESTree.ExportDefaultDeclaration =>
      statement.type === AST_NODE_TYPES.ExportDefaultDeclaration,
  );
  const object = exported && skipTypeWrappers(exported.declaration);
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return true;
  const functions = object.properties.flatMap((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return [];
    const value = isFunctionNode(property.value) ? property.value : resolveFunction(property.value);
    return value ? [value] : [];
  });
  let usesThis = false;
  for (const member of functions) {
    walk(member, (node) => {
      if (node.type === AST_NODE_TYPES.ThisExpression) usesThis = true;
    });
  }
  return usesThis;
}

/** `found`, with the calls other modules of the package make of `members` of the default export they import. */
function defaultMemberCalls(
  fn: HandlerFunction,
  members: readonly string[],
  local: boolean,
  found: { calls: Invocation[]; complete: boolean },
): { calls: Invocation[]; complete: boolean } {
  const { file } = moduleOf(fn);
  if (local || !file || exportedObjectUsesThis(programOf(fn))) return { calls: found.calls, complete: false };
  const imported = importerMemberCalls(file, members);
  return { calls: [...found.calls, ...imported.calls], complete: found.complete && imported.complete };
}

/**
 * The places a module-level function is used other than by a call of it, in its module and in
 * the modules of the package that import it (`ns.fn` for a namespace import): where it is handed
 * over as a route's handler, say. `complete` is false when it may be used where the analysis does
 * not read. `null` for a function with no name of its own.
 */
export function usesOf(fn: HandlerFunction): ValueUses | null {
  if (fn.parent?.type === AST_NODE_TYPES.MethodDefinition && fn.parent.value === fn) return methodUses(fn.parent);
  const variable = functionVariable(fn);
  return variable && usesOfBinding(variable, fn);
}

/**
 * The places an instance method is read as a value on the instances of its class that module-level
 * constants hold (`export const mcpController = new McpController()`, then
 * `router.post('/mcp', mcpController.post)` where it is imported), or on an instance as it is made
 * (`new McpRouter().handler()`). Complete only when every construction is so held or read, every
 * read of each instance is a member of it, and the class reads the method on `this` only to bind
 * it (`this.post = this.post.bind(this)`).
 */
function methodUses(method: TSESTree.MethodDefinition): ValueUses | null {
  if (method.kind !== 'method' || method.static || method.computed || method.key.type !== AST_NODE_TYPES.Identifier)
    return null;
  const name = method.key.name;
  const cls = method.parent.parent as ClassNode;
  const made = constructions(cls, 0, false);
  if (made.calls.length === 0) return null;
  const uses: TSESTree.Node[] = [];
  let complete = made.complete;
  const isMethod = (member: TSESTree.Node | undefined, object: TSESTree.Node): member is TSESTree.MemberExpression =>
    member?.type === AST_NODE_TYPES.MemberExpression && member.object === object && !member.computed;
  walkInstance(
    cls.body,
    (member) => {
      if (propertyName(member) !== name) return;
      // `this.post = this.post.bind(this)`: the same method, bound.
      const bound = member.parent;
      const assignment = isMethod(bound, member) ? bound.parent?.parent : null;
      const rebinds =
        bound?.type === AST_NODE_TYPES.MemberExpression &&
        propertyName(bound) === 'bind' &&
        assignment?.type === AST_NODE_TYPES.AssignmentExpression;
      const target = member.parent?.type === AST_NODE_TYPES.AssignmentExpression && member.parent.left === member;
      if (!rebinds && !target) complete = false;
    },
    false,
  );
  for (const call of made.calls) {
    // A subclass's instance (or its `super(…)`) may reach the method from code of its own.
    const of = call.type === AST_NODE_TYPES.NewExpression ? classOf(call.callee) : null;
    // (Another module reads this one from disk: the class is matched by its place.)
    if (!of || (of !== cls && (moduleOf(of).file !== moduleOf(cls).file || of.range[0] !== cls.range[0]))) return null;
    const holder = outermostWrapper(call);
    const declarator = holder.parent;
    // `new McpRouter().handler()`: a member read on the instance as it is made, and nowhere else.
    if (isMethod(declarator, holder)) {
      if (propertyName(declarator) === name) uses.push(declarator);
      continue;
    }
    // `new McpRouter(new Sessions())`: kept in a field of another class as it is made.
    const keptAsMade = fieldReads(holder);
    if (keptAsMade) {
      if (!keptAsMade.complete) complete = false;
      uses.push(...methodReads(keptAsMade.reads, name));
      continue;
    }
    const instance =
      declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === holder
        ? usesOfConstant(declarator)
        : null;
    if (!instance) return null;
    if (!instance.complete) complete = false;
    for (const use of instance.uses) {
      const wrapped = outermostWrapper(use);
      const member = wrapped.parent;
      if (isMethod(member, wrapped)) {
        if (propertyName(member) === name) uses.push(member);
        continue;
      }
      // `new McpRouter(sessions)`: kept in a field of another class, whose code reads the method on it.
      const kept = fieldReads(wrapped);
      if (!kept?.complete) complete = false;
      uses.push(...methodReads(kept?.reads ?? [], name));
    }
  }
  return { uses, complete };
}

/** `this.sessions.handle` of the reads `this.sessions`, for the method `handle`. */
function methodReads(reads: readonly TSESTree.MemberExpression[], name: string): TSESTree.MemberExpression[] {
  return reads.flatMap((read) => {
    const outer = read.parent as TSESTree.MemberExpression;
    return !outer.computed && propertyName(outer) === name ? [outer] : [];
  });
}

/**
 * The reads of the field a class keeps a constructor argument in: `arg` handed to `new
 * McpRouter(arg)` whose constructor takes it as a parameter property (`constructor(private
 * sessions: Sessions)`) or assigns it (`this.sessions = sessions`), then `this.sessions` in the
 * class's methods and field initialisers. Complete only when the parameter is used for nothing
 * else and every `this.sessions` in the class is read as the object of a member
 * (`this.sessions.handle(req, res)`). (A subclass made with the argument is read through its
 * own constructor, where handing it on to `super(…)` is a use this does not follow.) `null` for
 * any other use of `arg`.
 */
function fieldReads(arg: TSESTree.Node): { reads: TSESTree.MemberExpression[]; complete: boolean } | null {
  const made = arg.parent;
  if (made?.type !== AST_NODE_TYPES.NewExpression) return null;
  const index = made.arguments.indexOf(arg as TSESTree.CallExpressionArgument);
  if (index === -1 || made.arguments.slice(0, index).some((given) => given.type === AST_NODE_TYPES.SpreadElement))
    return null;
  const cls = classOf(made.callee);
  const constructor = cls?.body.body.find(
    (element): element is TSESTree.MethodDefinition =>
      element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor',
  );
  const param = constructor?.value.params[index];
  if (!cls || !param) return null;
  const binding = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
  if (binding.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = variableOf(binding);
  // The field the class keeps it in (`fieldTable`): the parameter property's own, or the one
  // `this.sessions = sessions` fills.
  const holding = [...fieldTable(cls)].filter(([, values]) =>
    values.some(
      (value) => value === binding || (value.type === AST_NODE_TYPES.Identifier && variableOf(value) === variable),
    ),
  );
  if (holding.length !== 1) return null;
  const [[field]] = holding as [[string, TSESTree.Node[]]];
  // Complete only when the parameter does nothing but fill the field: a parameter property's name
  // is read nowhere in the constructor, and a plain parameter only where it is assigned.
  const readsOfParameter = variable?.references.filter((reference) => reference.isRead()).length ?? 0;
  let complete = readsOfParameter === (param.type === AST_NODE_TYPES.TSParameterProperty ? 0 : 1);
  const reads: TSESTree.MemberExpression[] = [];
  walkInstance(
    cls.body,
    (member) => {
      if (member.computed || memberName(member) !== field) return;
      const outer = member.parent;
      if (outer?.type === AST_NODE_TYPES.MemberExpression && outer.object === member) reads.push(member);
      else if (!(outer?.type === AST_NODE_TYPES.AssignmentExpression && outer.left === member)) complete = false;
    },
    false,
  );
  return { reads, complete };
}

/** Where a value is used: `complete` is false when it may be used where the analysis does not read. */
export interface ValueUses {
  readonly uses: TSESTree.Node[];
  readonly complete: boolean;
}

/**
 * The declarator whose name holds what `made` makes, awaited or not (`const app = await
 * NestFactory.create(…)`), or `null` when it is held otherwise (returned, handed on, assigned).
 */
export function declaratorHolding(
  made: TSESTree.Node,
): (TSESTree.VariableDeclarator & { id: TSESTree.Identifier }) | null {
  let holder = outermostWrapper(made).parent;
  if (holder?.type === AST_NODE_TYPES.AwaitExpression) holder = outermostWrapper(holder).parent;
  return holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier
    ? (holder as TSESTree.VariableDeclarator & { id: TSESTree.Identifier })
    : null;
}

/**
 * `usesOf` for a module-level `const` (`export const handleMcp = transport.bind(server)`): every
 * read of it, in its module and in the modules of the package that import it. `null` for any
 * other declarator.
 */
export function usesOfConstant(declarator: TSESTree.VariableDeclarator): ValueUses | null {
  const declaration = declarator.parent;
  const statement = declaration?.parent;
  if (
    declarator.id.type !== AST_NODE_TYPES.Identifier ||
    !declarator.init ||
    declaration?.type !== AST_NODE_TYPES.VariableDeclaration ||
    declaration.kind !== 'const' ||
    // A constant of the module, or of a function's body (`const headers = { … }` in an app factory),
    // whose reads are all in that function.
    (statement?.type !== AST_NODE_TYPES.Program &&
      statement?.type !== AST_NODE_TYPES.ExportNamedDeclaration &&
      statement?.type !== AST_NODE_TYPES.BlockStatement)
  )
    return null;
  const variable = variableOf(declarator.id);
  return variable && usesOfBinding(variable, declarator.init);
}

/**
 * `usesOfConstant` for a function declared at module level (`export async function routes(app) {
 * … }`): every read of its name, in its module and in the modules of the package that import it.
 */
export function usesOfFunctionDeclaration(fn: TSESTree.FunctionDeclaration): ValueUses | null {
  const holder = fn.parent?.type;
  if (
    !fn.id ||
    (holder !== AST_NODE_TYPES.Program &&
      holder !== AST_NODE_TYPES.ExportNamedDeclaration &&
      holder !== AST_NODE_TYPES.ExportDefaultDeclaration)
  )
    return null;
  const variable = variableOf(fn.id);
  return variable && usesOfBinding(variable, fn);
}

function usesOfBinding(variable: Scope.Variable, value: TSESTree.Node): ValueUses {
  const uses: TSESTree.Node[] = [];
  for (const reference of variable.references) {
    if (!reference.isRead()) continue;
    const parent = outermostWrapper(reference.identifier as TSESTree.Node).parent;
    if (parent?.type === AST_NODE_TYPES.ExportSpecifier || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration)
      continue;
    uses.push(reference.identifier as TSESTree.Node);
  }
  const exported = exportedNames(value, variable);
  if (exported.length === 0) return { uses, complete: true };
  return importedUses(value, exported, uses);
}

/**
 * The reads of a function of the module (`function serve(…) {}`, or one a constant holds, `const
 * serve = (…) => …`), in its module and in those that import it; `null` for one held any other way.
 */
export function usesOfFunction(fn: HandlerFunction): ValueUses | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return usesOfFunctionDeclaration(fn);
  const declarator = outermostWrapper(fn).parent;
  return declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
    declarator.init &&
    skipTypeWrappers(declarator.init) === fn
    ? usesOfConstant(declarator)
    : null;
}

/**
 * `usesOfConstant` for the expression a module exports as its default (`export default
 * fp(routes)`): every read of it in the modules of the package that import it.
 */
export function usesOfDefaultExport(expression: TSESTree.Node): ValueUses | null {
  const statement = outermostWrapper(expression).parent;
  // `export default <expression>`, or CommonJS's `module.exports = <expression>`.
  const exported =
    statement?.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
    (statement?.type === AST_NODE_TYPES.AssignmentExpression &&
      statement.right === outermostWrapper(expression) &&
      /^module\.exports$/u.test(textOf(statement.left)));
  return exported ? importedUses(expression, ['default'], []) : null;
}

/** The reads of a module's exports `exported` in the modules that import it, added to `uses`. */
function importedUses(value: TSESTree.Node, exported: readonly string[], uses: TSESTree.Node[]): ValueUses {
  const { file } = moduleOf(value);
  const imported = file ? importerUses(file, exported) : { uses: [], complete: false };
  for (const use of imported.uses) {
    if (!use.namespace) {
      uses.push(use.id);
      continue;
    }
    const member = outermostWrapper(use.id).parent;
    const name = member?.type === AST_NODE_TYPES.MemberExpression && !member.computed ? propertyName(member) : null;
    if (name !== null && !exported.includes(name)) continue;
    if (member && name !== null) uses.push(member);
    else return { uses, complete: false };
  }
  return { uses, complete: imported.complete };
}

/** How deep subclasses are followed for the constructions of a class. */
const MAX_SUBCLASS_DEPTH = 5;

/**
 * The calls that give a class's constructor or method its arguments, in its module and in the
 * modules of the package that import the class: `new Cls(…)`, and for a subclass `super(…)` in its
 * constructor, or the subclass's own `new Sub(…)` when it has no constructor; `Cls.method(…)` for a
 * static method; `this.method(…)` for a private one. Not complete when the class is used any other
 * way (passed on, stored, imported from outside the package) or the method is public.
 */
function methodCalls(
  method: TSESTree.MethodDefinition,
  local: boolean,
): { calls: Invocation[]; complete: boolean } | null {
  const cls = method.parent.parent as ClassNode;
  if (method.kind === 'constructor') return constructions(cls, 0, local);
  if (method.kind !== 'method' || method.computed) return null;
  const key = method.key;
  if (key.type !== AST_NODE_TYPES.Identifier && key.type !== AST_NODE_TYPES.PrivateIdentifier) return null;
  /** Whether a member names this method: `#start` only as `this.#start`, `start` never as `#start`. */
  const names = (member: TSESTree.MemberExpression): boolean =>
    !member.computed &&
    (key.type === AST_NODE_TYPES.PrivateIdentifier
      ? member.property.type === AST_NODE_TYPES.PrivateIdentifier && member.property.name === key.name
      : member.property.type !== AST_NODE_TYPES.PrivateIdentifier && propertyName(member) === key.name);
  const calls: Invocation[] = [];
  let complete = true;
  const called = (member: TSESTree.MemberExpression): void => {
    if (!names(member)) return;
    const call = outermostWrapper(member).parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === outermostWrapper(member)) calls.push(call);
    else complete = false;
  };
  if (method.static) {
    // `this.create()` in the class's own static code.
    walkInstance(cls.body, called, true);
    forEachUse(
      cls,
      (id, namespace) => {
        const holder = outermostWrapper(id);
        const member = holder.parent;
        if (namespace || member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== holder) {
          // `new Cls()` and `x instanceof Cls` call no static method; `Sub.create()` of a subclass may.
          const parent = holder.parent;
          if (!namespace && parent?.type === AST_NODE_TYPES.NewExpression && parent.callee === holder) return;
          if (!namespace && isClassUse(holder)) return;
          complete = false;
          return;
        }
        called(member);
      },
      () => {
        complete = false;
      },
      local,
    );
    return { calls, complete };
  }
  // An instance method: the calls its class makes on `this`; others only when it is private.
  complete = key.type === AST_NODE_TYPES.PrivateIdentifier || method.accessibility === 'private';
  walkInstance(cls.body, called, false);
  // `new Cls(app).start()`, `const transport = new Cls(app); transport.start();` (not on a
  // subclass that declares its own `start`).
  for (const made of constructions(cls, 0, local).calls) {
    if (made.type !== AST_NODE_TYPES.NewExpression || overriddenBelow(classOf(made.callee), cls, key)) continue;
    const holder = outermostWrapper(made);
    const parent = holder.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === holder) called(parent);
    if (
      parent?.type === AST_NODE_TYPES.VariableDeclarator &&
      parent.init === holder &&
      parent.id.type === AST_NODE_TYPES.Identifier
    ) {
      for (const reference of variableOf(parent.id)?.references ?? []) {
        const use = outermostWrapper(reference.identifier as TSESTree.Node);
        if (use.parent?.type === AST_NODE_TYPES.MemberExpression && use.parent.object === use) called(use.parent);
      }
    }
  }
  return { calls, complete };
}

/** `methodCalls` of a method, with and without the modules that import its class, per linted file. */
const localMethodCalls = perLintedFile((method: TSESTree.MethodDefinition) => methodCalls(method, true));
const allMethodCalls = perLintedFile((method: TSESTree.MethodDefinition) => methodCalls(method, false));

/** Whether a class on the way from `made` up to `base` declares its own method of that name. */
function overriddenBelow(
  made: ClassNode | null,
  base: ClassNode,
  key: TSESTree.Identifier | TSESTree.PrivateIdentifier,
): boolean {
  for (
    let current = made, depth = 0;
    current && current !== base && depth < 5;
    current = superClass(current), depth++
  ) {
    const own = current.body.body.some(
      (member) =>
        member.type === AST_NODE_TYPES.MethodDefinition &&
        !member.static &&
        member.key.type === key.type &&
        (member.key as TSESTree.Identifier | TSESTree.PrivateIdentifier).name === key.name,
    );
    if (own) return true;
  }
  return false;
}

/** `new Cls(…)` and the `super(…)` of each subclass, in the module and in those of the package that import it. */
function constructions(cls: ClassNode, depth: number, local: boolean): { calls: Invocation[]; complete: boolean } {
  const calls: Invocation[] = [];
  let complete = true;
  if (depth > MAX_SUBCLASS_DEPTH) return { calls, complete: false };
  forEachUse(
    cls,
    (id, namespace) => {
      let holder = outermostWrapper(id);
      if (namespace) {
        const member = holder.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== holder) {
          complete = false;
          return;
        }
        holder = outermostWrapper(member);
      }
      const parent = holder.parent;
      if (parent?.type === AST_NODE_TYPES.NewExpression && parent.callee === holder) {
        calls.push(parent);
        return;
      }
      if (
        (parent?.type === AST_NODE_TYPES.ClassDeclaration || parent?.type === AST_NODE_TYPES.ClassExpression) &&
        parent.superClass === holder
      ) {
        const constructors = parent.body.body.filter(
          (member): member is TSESTree.MethodDefinition =>
            member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor',
        );
        // The one with a body; overload signatures have none.
        const constructor = constructors.find((member) => member.value.type === AST_NODE_TYPES.FunctionExpression);
        if (constructors.length === 0) {
          // `constructor(...args) { super(...args); }`: what makes the subclass makes the class.
          const inner = constructions(parent, depth + 1, local);
          calls.push(...inner.calls);
          if (!inner.complete) complete = false;
          return;
        }
        if (constructor?.value.type !== AST_NODE_TYPES.FunctionExpression) {
          complete = false;
          return;
        }
        const supers: TSESTree.CallExpression[] = [];
        // In the constructor's own code, not in a function or class made there.
        walk(
          constructor.value.body,
          (node) => {
            if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Super)
              supers.push(node);
          },
          sameThis,
        );
        if (supers.length === 0) complete = false;
        calls.push(...supers);
        return;
      }
      if (isClassUse(holder)) return;
      complete = false;
    },
    () => {
      complete = false;
    },
    local,
  );
  return { calls, complete };
}

/** Whether a reference of a class only tests or types with it: `x instanceof Cls`. */
function isClassUse(holder: TSESTree.Node): boolean {
  const parent = holder.parent;
  return (
    parent?.type === AST_NODE_TYPES.BinaryExpression && parent.operator === 'instanceof' && parent.right === holder
  );
}

/**
 * Visits every value reference of a class: its own module's (its name inside the class body too),
 * then those of the modules of its package that import it; `incomplete` when it may be used where
 * the analysis does not read (it has no name, or is exported to users outside the package).
 */
function forEachUse(
  cls: ClassNode,
  visit: (id: TSESTree.Identifier | TSESTree.CallExpression, namespace: boolean) => void,
  incomplete: () => void,
  local: boolean,
): void {
  // `const Transport = class {}` (or `class Named {}`): the module's name is the declarator's.
  const declarator =
    cls.parent?.type === AST_NODE_TYPES.VariableDeclarator &&
    cls.parent.init === cls &&
    cls.parent.id.type === AST_NODE_TYPES.Identifier
      ? cls.parent
      : null;
  const statement = declarator ? declarator.parent?.parent : cls.parent;
  const id = declarator
    ? (declarator.id as TSESTree.Identifier)
    : cls.type === AST_NODE_TYPES.ClassDeclaration
      ? cls.id
      : null;
  const names = new Set<string>();
  if (statement?.type === AST_NODE_TYPES.ExportDefaultDeclaration) names.add('default');
  // A class expression handed to a call, or stored in a property: used where the analysis does not read.
  if (!id && !names.has('default')) {
    incomplete();
    return;
  }
  if (id && statement?.type === AST_NODE_TYPES.ExportNamedDeclaration) names.add(id.name);
  // The module's binding of the name, and the class scope's own for the code in its body.
  const variables = new Set<Scope.Variable>(
    declarator ? declaredVariables(declarator) : id ? declaredVariables(cls) : [],
  );
  const inner = cls.id ? scopeOf(cls.body).set.get(cls.id.name) : undefined;
  if (inner) variables.add(inner);
  for (const variable of variables) {
    for (const reference of variable.references) {
      if (
        !reference.isValueReference ||
        reference.init ||
        reference.identifier === id ||
        reference.identifier === cls.id
      )
        continue;
      const identifier = reference.identifier as TSESTree.Identifier;
      const parent = outermostWrapper(identifier).parent;
      if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
        names.add('default');
        continue;
      }
      if (parent?.type === AST_NODE_TYPES.ExportSpecifier) {
        names.add(exportName(parent.exported));
        continue;
      }
      visit(identifier, false);
    }
  }
  if (names.size === 0) return;
  if (local) {
    incomplete();
    return;
  }
  const { file } = moduleOf(cls);
  const imported = file ? importerUses(file, [...names]) : { uses: [], complete: false };
  if (!imported.complete) incomplete();
  for (const use of imported.uses) {
    if (use.namespace) {
      const member = outermostWrapper(use.id).parent;
      const name = member?.type === AST_NODE_TYPES.MemberExpression && !member.computed ? propertyName(member) : null;
      // `ns.other`: another export of the module.
      if (name !== null && !names.has(name)) continue;
    }
    visit(use.id, use.namespace);
  }
}

/** Visits every `this.<name>` of a class's instance code (methods, accessors, fields), or of its static code. */
function walkInstance(
  body: TSESTree.ClassBody,
  visit: (member: TSESTree.MemberExpression) => void,
  statics: boolean,
): void {
  for (const element of body.body) {
    if (
      (element.type !== AST_NODE_TYPES.MethodDefinition && element.type !== AST_NODE_TYPES.PropertyDefinition) ||
      element.static !== statics
    )
      continue;
    const root = element.type === AST_NODE_TYPES.MethodDefinition ? element.value.body : element.value;
    if (!root) continue;
    walk(
      root,
      (node) => {
        if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression)
          visit(node);
      },
      sameThis,
    );
  }
}

/** The variable that names a function: its declaration, or the `const` it is assigned to. */
export function functionVariable(fn: HandlerFunction): Scope.Variable | null {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) return variableOf(fn.id);
  const holder = fn.parent;
  if (
    holder?.type === AST_NODE_TYPES.VariableDeclarator &&
    holder.init === fn &&
    holder.id.type === AST_NODE_TYPES.Identifier
  ) {
    const variable = variableOf(holder.id);
    return variable && variable.references.filter((reference) => reference.isWrite()).length === 1 ? variable : null;
  }
  return null;
}

/** The names a module exports a function (or a constant's value) under (`'default'` for its default export). */
export function exportedNames(value: TSESTree.Node, variable: Scope.Variable): string[] {
  const names = new Set<string>();
  const statement = value.type === AST_NODE_TYPES.FunctionDeclaration ? value : value.parent?.parent;
  const holder = statement?.parent?.type;
  if (holder === AST_NODE_TYPES.ExportNamedDeclaration) names.add(variable.name);
  if (holder === AST_NODE_TYPES.ExportDefaultDeclaration) names.add('default');
  for (const reference of variable.references) {
    const parent = (reference.identifier as TSESTree.Node).parent;
    if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) names.add('default');
    if (parent?.type === AST_NODE_TYPES.ExportSpecifier && parent.local === reference.identifier) {
      names.add(exportName(parent.exported));
    }
    const commonjs = commonJsExportName(reference.identifier as TSESTree.Node);
    if (commonjs !== null) names.add(commonjs);
  }
  return [...names];
}

/**
 * The default a binding falls back to: `'0.0.0.0'` for `host` in `function start(host = '0.0.0.0')`,
 * `({ host = '0.0.0.0' }) => ...` or `const { HOST = '0.0.0.0' } = process.env`. `null` when it has
 * no default of its own or is assigned anywhere else.
 */
export function bindingDefault(id: TSESTree.Identifier): TSESTree.Expression | null {
  const variable = variableOf(id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def || (def.type !== 'Parameter' && def.type !== 'Variable')) return null;
  const name = def.name as TSESTree.Node;
  if (variable!.references.some((reference) => reference.isWrite() && reference.identifier !== name)) return null;
  const pattern = name.parent;
  return pattern?.type === AST_NODE_TYPES.AssignmentPattern && pattern.left === name ? pattern.right : null;
}

/**
 * Whether a name is one of h3's exports: bound nowhere in its module (Nitro and Nuxt auto-import
 * h3's helpers) or imported from h3 or Nitro's runtime.
 */
export function fromH3(id: TSESTree.Identifier): boolean {
  const module = variableOf(id) ? externalRefOf(id)?.module : '#imports';
  return module !== undefined && H3_MODULES.has(module);
}

/** A module of a Nitro server's folders (`server/api`, `routes`, `middleware`, …), and the server folder it is in. */
const NITRO_SERVER_MODULE = /^(.*?[/\\](?:server[/\\])?)(?:api|routes|middleware|plugins|utils)[/\\]/u;
/** How many modules of a `utils/` folder are read for the functions Nitro auto-imports. */
const MAX_UTILS_MODULES = 50;
/**
 * What a module's Nitro `utils/` folder exports, by name; `null` for a module of no Nitro server.
 * Read once per module (the module graph keeps the modules it reads fresh).
 */
const autoImports = new WeakMap<TSESTree.Program, ReadonlyMap<string, HandlerFunction> | null>();

/**
 * The function a Nitro (or Nuxt) server calls by a name it does not import: one a module of its
 * `utils/` folder (Nuxt's `server/utils/`) exports by that name, which Nitro auto-imports (nitropack
 * 2.x docs, "Auto imports"). Only in a package that depends on Nitro or Nuxt.
 */
function nitroAutoImported(id: TSESTree.Identifier): HandlerFunction | null {
  const program = programOf(id);
  let exported = autoImports.get(program);
  if (exported === undefined) {
    exported = nitroUtilsExports(moduleOf(id).file);
    autoImports.set(program, exported);
  }
  return exported?.get(id.name) ?? null;
}

/** The functions the `utils/` folder of the Nitro server a module belongs to exports, or `null`. */
function nitroUtilsExports(file: string | null): ReadonlyMap<string, HandlerFunction> | null {
  const match = file ? NITRO_SERVER_MODULE.exec(file) : null;
  if (!file || !match || !manifestDependsOn(file, NITRO_PACKAGES)) return null;
  const functions = new Map<string, HandlerFunction>();
  for (const module of sourceModulesIn(path.join(match[1]!, 'utils'), MAX_UTILS_MODULES)) {
    const utils = loadModule(module);
    for (const statement of utils?.body ?? []) {
      if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration || !statement.declaration) continue;
      const { declaration } = statement;
      if (declaration.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id && declaration.body) {
        functions.set(declaration.id.name, declaration);
      } else if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations) {
          const fn = declarator.init && skipTypeWrappers(declarator.init);
          if (declarator.id.type === AST_NODE_TYPES.Identifier && fn && isFunctionNode(fn))
            functions.set(declarator.id.name, fn);
        }
      }
    }
  }
  return functions;
}

/** The function an expression is or names: inline, a `const` arrow, a declaration, an import, a method. */
export function resolveFunction(node: TSESTree.Node, depth = 0): HandlerFunction | null {
  if (depth > MAX_DEPTH) return null;
  const expression = skipTypeWrappers(node);
  if (isFunctionNode(expression)) return expression;
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    // `access.requireKey.bind(access)`: the method itself, its `this` fixed (not `fn.bind(null, a)`,
    // whose arguments shift).
    const callee = skipTypeWrappers(expression.callee);
    if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      !callee.computed &&
      propertyName(callee) === 'bind' &&
      expression.arguments.length <= 1
    ) {
      const bound = resolveFunction(callee.object, depth + 1);
      if (bound) return bound;
    }
    const wrapped = wrappedFunction(expression, depth);
    if (wrapped) return wrapped;
  }
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const variable = variableOf(expression);
    const def = variable?.defs[0];
    // `declare function f(): void` is a FunctionName too, with no body to read.
    if (def?.type === 'FunctionName')
      return def.node.type === AST_NODE_TYPES.FunctionDeclaration && def.node.body ? def.node : null;
    // Called with no import in a Nitro server: auto-imported from its `utils/`.
    if (!variable) {
      const imported = nitroAutoImported(expression);
      if (imported) return imported;
    }
  }
  if (expression.type === AST_NODE_TYPES.MemberExpression && expression.object.type === AST_NODE_TYPES.ThisExpression) {
    const name = memberName(expression);
    const method = name === null ? null : classMethod(enclosingClass(expression), name);
    if (method) return method;
  }
  const resolved = resolveExpression(expression, depth + 1);
  if (resolved && resolved !== expression) {
    if (
      resolved.type === AST_NODE_TYPES.Identifier ||
      isFunctionNode(resolved) ||
      resolved.type === AST_NODE_TYPES.MemberExpression
    ) {
      return resolveFunction(resolved, depth + 1);
    }
    if (resolved.type === AST_NODE_TYPES.Property && isFunctionNode(resolved.value)) return resolved.value;
  }
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(expression);
    if (name === null) return null;
    // `obj.method` where `obj` is an object literal with a method `method() { … }`.
    const object = resolveObjectExpression(expression.object, depth + 1);
    if (object) {
      const found = findObjectProperty(object, name, depth + 1);
      if (found.kind === 'found' && found.property.method && isFunctionNode(found.property.value))
        return found.property.value;
    }
    // `AuthService.verify` where `AuthService` names a class with `static verify() { … }`.
    const named = staticMethod(classOf(expression.object, depth + 1), name);
    if (named) return named;
    // `this.relay.deliver` of a NestJS provider the constructor is injected with by its class.
    const provider = injectedProvider(expression.object, depth + 1);
    if (provider) return classMethod(provider, name);
    // `endpoint.post` where `endpoint` holds a `new HubEndpoint()` and nothing else (a type says
    // less: a subclass may override the method).
    const made = skipTypeWrappers(resolveExpression(expression.object, depth + 1) ?? expression.object);
    return made.type === AST_NODE_TYPES.NewExpression ? classMethod(classOf(made.callee, depth + 1), name) : null;
  }
  return null;
}

/**
 * The function a pass-through wrapper is given: `asyncHandler(async (req, res) => { … })` of
 * `express-async-handler`, or a function of the project that returns a function doing nothing but
 * call its argument with the request (`(req, res, next) => Promise.resolve(fn(req, res, next)).catch(next)`).
 * Its checks and what it serves are the handler's. Not a wrapper that tests or reads anything
 * itself, hands the request to anything else, or calls more than one of its arguments.
 */
function wrappedFunction(call: TSESTree.CallExpression, depth: number): HandlerFunction | null {
  const [first] = call.arguments;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return null;
  const ref = externalRefOf(call.callee);
  if (ref?.module === 'express-async-handler' && (ref.names.length === 0 || ref.names.join('.') === 'default'))
    return resolveFunction(first, depth + 1);
  const callee = skipTypeWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return null;
  const factory = resolveFunction(callee, depth + 1);
  if (!factory) return null;
  const [returned, ...others] = returnedExpressions(factory);
  const wrapper = returned && others.length === 0 ? skipTypeWrappers(returned) : null;
  if (!wrapper || !isFunctionNode(wrapper)) return null;
  const [request] = wrapper.params;
  if (request?.type !== AST_NODE_TYPES.Identifier) return null;
  const requestName = new Set([request.name]);
  let index = -1;
  let passesThrough = true;
  walk(
    wrapper.body,
    (node) => {
      if (
        node.type === AST_NODE_TYPES.IfStatement ||
        node.type === AST_NODE_TYPES.ConditionalExpression ||
        node.type === AST_NODE_TYPES.SwitchStatement ||
        node.type === AST_NODE_TYPES.ThrowStatement ||
        (node.type === AST_NODE_TYPES.MemberExpression &&
          node.object.type === AST_NODE_TYPES.Identifier &&
          node.object.name === request.name)
      )
        passesThrough = false;
      if (node.type !== AST_NODE_TYPES.CallExpression) return;
      const handsOn = passesName(node, requestName);
      const name = node.callee.type === AST_NODE_TYPES.Identifier ? node.callee.name : null;
      const position = factory.params.findIndex(
        (param) => param.type === AST_NODE_TYPES.Identifier && param.name === name,
      );
      // The request goes to one parameter of the factory, once, and to nothing else
      // (`verifyToken(req)` before it, or a hook called beside it, is a wrapper of its own).
      if (position === -1) passesThrough &&= !handsOn;
      else if (index === -1 || index === position) index = position;
      else passesThrough = false;
    },
    (node) => !isFunctionNode(node),
  );
  const given = index === -1 ? undefined : call.arguments[index];
  return passesThrough && given && given.type !== AST_NODE_TYPES.SpreadElement
    ? resolveFunction(given, depth + 1)
    : null;
}

/** The expressions a function returns: its expression body, or the argument of each `return` in its own body. */
export function returnedExpressions(fn: HandlerFunction): TSESTree.Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const found: TSESTree.Node[] = [];
  const stack: TSESTree.Node[] = [...fn.body.body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (
      isFunctionNode(node) ||
      node.type === AST_NODE_TYPES.ClassDeclaration ||
      node.type === AST_NODE_TYPES.ClassExpression
    )
      continue;
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (node.argument) found.push(node.argument);
      continue;
    }
    for (const child of childNodes(node)) stack.push(child);
  }
  return found.sort((a, b) => a.range[0] - b.range[0]);
}

/** `x` in `x.toString()` and in a call of the global `String(x)`. */
function stringConversionOf(call: TSESTree.CallExpression): TSESTree.Node | null {
  const callee = skipTypeWrappers(call.callee);
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    call.arguments.length === 0 &&
    memberName(callee) === 'toString'
  ) {
    return callee.object;
  }
  const [first] = call.arguments;
  if (
    callee.type === AST_NODE_TYPES.Identifier &&
    callee.name === 'String' &&
    !variableOf(callee)?.defs.length &&
    first &&
    first.type !== AST_NODE_TYPES.SpreadElement
  ) {
    return first;
  }
  return null;
}

function optionValue(option: OptionValue): PossibleValue {
  if (!option.known) return { known: false, node: option.node };
  return option.absent
    ? { known: true, value: option.value, node: option.node, absent: true }
    : { known: true, value: option.value, node: option.node };
}

/**
 * Whether an expression's value reads a parameter of a function: what it is then depends on each
 * call. The test of a conditional only picks between values, and does not count.
 */
export function readsParameters(expression: TSESTree.Node, fn: HandlerFunction): boolean {
  if (fn.params.length === 0) return false;
  let reads = false;
  const stack: TSESTree.Node[] = [expression];
  while (stack.length > 0 && !reads) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.Identifier) {
      const def = variableOf(node)?.defs[0];
      if (def?.type === 'Parameter' && def.node === fn) reads = true;
      continue;
    }
    // A function returned is that function whatever the call: what it later reads of the
    // arguments is a question about it, not about which function it is.
    if (isFunctionNode(node)) continue;
    // `flag ? a : b` returns `a` or `b` whatever the flag: only the choice depends on the call.
    if (node.type === AST_NODE_TYPES.ConditionalExpression) {
      stack.push(node.consequent, node.alternate);
      continue;
    }
    stack.push(...childNodes(node));
  }
  return reads;
}

// ---------------------------------------------------------------------------------------------
// Classes: fields assigned in their methods, and the class an instance is made from
// ---------------------------------------------------------------------------------------------

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** The class whose methods `this` refers to at a node, or `null` inside a plain function. */
export function enclosingClass(node: TSESTree.Node): ClassNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current.parent as ClassNode;
    if (current.type === AST_NODE_TYPES.FunctionDeclaration) return null;
    if (current.type === AST_NODE_TYPES.FunctionExpression) {
      const holder = current.parent;
      const isMethod =
        holder?.type === AST_NODE_TYPES.MethodDefinition ||
        (holder?.type === AST_NODE_TYPES.Property && holder.parent?.type === AST_NODE_TYPES.ObjectExpression);
      if (!isMethod || holder.type === AST_NODE_TYPES.Property) return null;
    }
  }
  return null;
}

const fieldTables = new WeakMap<ClassNode, Map<string, TSESTree.Node[]>>();

/** The values a class gives each of its fields: initialisers, and `this.x = value` in its methods. */
function fieldTable(cls: ClassNode): Map<string, TSESTree.Node[]> {
  let table = fieldTables.get(cls);
  if (table) return table;
  table = new Map();
  const add = (name: string, value: TSESTree.Node): void => {
    const list = table!.get(name) ?? [];
    list.push(value);
    table!.set(name, list);
  };
  for (const member of cls.body.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition && member.value && !member.static) {
      const name = member.key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${member.key.name}` : propertyName(member);
      if (name !== null) add(name, member.value);
    }
    // `constructor(private readonly app: Express)`: a field that holds what the constructor is given.
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
      for (const parameter of member.value.params) {
        if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) continue;
        const binding =
          parameter.parameter.type === AST_NODE_TYPES.AssignmentPattern
            ? parameter.parameter.left
            : parameter.parameter;
        if (binding.type === AST_NODE_TYPES.Identifier) add(binding.name, binding);
      }
    }
  }
  const stack: TSESTree.Node[] = cls.body.body.filter((member) => !('static' in member && member.static));
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) continue;
    if (node.type === AST_NODE_TYPES.FunctionDeclaration) continue;
    if (node.type === AST_NODE_TYPES.FunctionExpression && node.parent?.type !== AST_NODE_TYPES.MethodDefinition)
      continue;
    if (
      node.type === AST_NODE_TYPES.AssignmentExpression &&
      node.operator === '=' &&
      node.left.type === AST_NODE_TYPES.MemberExpression &&
      node.left.object.type === AST_NODE_TYPES.ThisExpression
    ) {
      const name = memberName(node.left);
      if (name !== null) add(name, node.right);
    }
    for (const child of childNodes(node)) stack.push(child);
  }
  fieldTables.set(cls, table);
  return table;
}

/** A method of a class (or of the class it extends) by name. */
export function classMethod(cls: ClassNode | null, name: string, depth = 0): HandlerFunction | null {
  if (!cls || depth > 4) return null;
  for (const member of cls.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) continue;
    const key = member.key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${member.key.name}` : propertyName(member);
    if (key !== name) continue;
    if (member.type === AST_NODE_TYPES.MethodDefinition && isFunctionNode(member.value)) return member.value;
    if (member.type === AST_NODE_TYPES.PropertyDefinition && isFunctionNode(member.value)) return member.value;
  }
  return classMethod(superClass(cls), name, depth + 1);
}

/** A class's `static` method (or arrow-valued static field) of that name, its own or inherited. */
function staticMethod(cls: ClassNode | null, name: string, depth = 0): HandlerFunction | null {
  if (!cls || depth > 4) return null;
  for (const member of cls.body.body) {
    if (
      (member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) ||
      !member.static ||
      (member.type === AST_NODE_TYPES.MethodDefinition && member.kind !== 'method') ||
      propertyName(member) !== name
    )
      continue;
    return member.value && isFunctionNode(member.value) ? member.value : null;
  }
  return staticMethod(superClass(cls), name, depth + 1);
}

/** The class a class extends, when the code shows it. */
export function superClass(cls: ClassNode): ClassNode | null {
  return cls.superClass ? classOf(cls.superClass) : null;
}

/** The class declaration an expression names: `Config`, an imported class, `class … {}`. */
export function classOf(node: TSESTree.Node, depth = 0): ClassNode | null {
  if (depth > MAX_DEPTH) return null;
  const expression = skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.ClassExpression || expression.type === AST_NODE_TYPES.ClassDeclaration) {
    return expression;
  }
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const def = variableOf(expression)?.defs[0];
    if (def?.type === 'ClassName') return def.node as ClassNode;
    // An annotation naming a type of a module of types (`config: ServerConfig`): no class to parse for.
    const imported = def?.type === 'ImportBinding' ? importedFile(expression) : null;
    if (imported && !mayGiveClass(imported)) return null;
  }
  const resolved = resolveExpression(expression, depth + 1);
  return resolved && resolved !== expression ? classOf(resolved, depth + 1) : null;
}

/**
 * The class of a NestJS provider that `this.name` holds: a constructor parameter property typed
 * with an `@Injectable()` class (`constructor(private readonly relay: RelayService)`), which
 * Nest's injector fills with an instance of that class (for a class token, the default provider).
 */
function injectedProvider(node: TSESTree.Node, depth: number): ClassNode | null {
  const member = skipTypeWrappers(node);
  if (member.type !== AST_NODE_TYPES.MemberExpression || member.object.type !== AST_NODE_TYPES.ThisExpression)
    return null;
  const name = memberName(member);
  const cls = name === null ? null : enclosingClass(member);
  const constructor = cls?.body.body.find(
    (element): element is TSESTree.MethodDefinition =>
      element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor',
  );
  for (const param of constructor?.value.params ?? []) {
    if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
    const id = param.parameter.type === AST_NODE_TYPES.Identifier ? param.parameter : null;
    const annotation = id?.typeAnnotation?.typeAnnotation;
    if (id?.name !== name || annotation?.type !== AST_NODE_TYPES.TSTypeReference) continue;
    if (annotation.typeName.type !== AST_NODE_TYPES.Identifier) return null;
    const provider = classOf(annotation.typeName, depth + 1);
    const injectable = provider?.decorators.some((decorator) => {
      const expression = skipTypeWrappers(decorator.expression);
      const callee = expression.type === AST_NODE_TYPES.CallExpression ? skipTypeWrappers(expression.callee) : null;
      return callee?.type === AST_NODE_TYPES.Identifier && callee.name === 'Injectable';
    });
    return injectable ? provider! : null;
  }
  return null;
}

/**
 * The values of field `name` of the instance an expression holds: `this` in a class, `new C()`,
 * a name given one, or a parameter typed as a class (`config: Config`). `null` when the class is
 * not known.
 */
export function instanceFields(node: TSESTree.Node, name: string): TSESTree.Node[] | null {
  const cls = instanceClass(node, 0);
  for (let current = cls, depth = 0; current && depth < 5; current = superClass(current), depth++) {
    const values = fieldTable(current).get(name);
    if (values) return values;
  }
  return cls ? [] : null;
}

function instanceClass(node: TSESTree.Node, depth: number): ClassNode | null {
  if (depth > MAX_DEPTH) return null;
  const expression = skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.ThisExpression) return enclosingClass(expression);
  if (expression.type === AST_NODE_TYPES.NewExpression) return classOf(expression.callee);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const variable = variableOf(expression);
    const def = variable?.defs[0];
    if (!def) return null;
    const annotated = annotatedClass(def.name as TSESTree.Identifier);
    if (annotated) return annotated;
    if (def.type === 'Variable') {
      const resolved = resolveIdentifier(expression, depth + 1);
      return resolved ? instanceClass(resolved, depth + 1) : null;
    }
  }
  return null;
}

/** The class a binding's type annotation names: `config: Config`, or `{ config }: { config: Config }`. */
function annotatedClass(name: TSESTree.Identifier): ClassNode | null {
  const annotation = name.typeAnnotation?.typeAnnotation ?? typeFromPattern(name);
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference || annotation.typeName.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  return classOf(annotation.typeName);
}

/** The type a destructured name gets from its pattern's type literal: `{ config }: { config: Config }`. */
function typeFromPattern(name: TSESTree.Identifier): TSESTree.TypeNode | null {
  const property = name.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== name) return null;
  const pattern = property.parent;
  if (pattern?.type !== AST_NODE_TYPES.ObjectPattern) return null;
  const literal = pattern.typeAnnotation?.typeAnnotation;
  if (literal?.type !== AST_NODE_TYPES.TSTypeLiteral) return null;
  const key = propertyName(property);
  for (const member of literal.members) {
    if (
      member.type === AST_NODE_TYPES.TSPropertySignature &&
      member.key.type === AST_NODE_TYPES.Identifier &&
      member.key.name === key
    ) {
      return member.typeAnnotation?.typeAnnotation ?? null;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Installed packages: what an expression refers to in a package the project does not hold
// ---------------------------------------------------------------------------------------------

/**
 * The installed package export an expression refers to, however it got there: an import (also
 * through the project's own modules that re-export it), `require`, a property of either, a
 * destructured name: `{ module: 'express', names: ['Router'] }` for `express.Router`.
 */
export function externalRefOf(node: TSESTree.Node, depth = 0, follow?: ModuleFilter): ExternalRef | null {
  if (depth > MAX_DEPTH) return null;
  const expression = skipTypeWrappers(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Identifier: {
      const variable = variableOf(expression);
      if (!variable) return null;
      // A name of the linted file is asked about at each of its uses: worked out once per lint.
      if (depth > 1 || !isLinted(expression)) return variableRef(variable, depth, follow);
      let refs = refsOfVariables.get(variable);
      if (!refs) {
        refs = new Map();
        refsOfVariables.set(variable, refs);
      }
      if (refs.has(follow)) return refs.get(follow)!;
      const ref = variableRef(variable, depth, follow);
      refs.set(follow, ref);
      return ref;
    }
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(expression);
      if (name === null) return null;
      const base = externalRefOf(expression.object, depth + 1, follow);
      if (base) return { module: base.module, names: [...base.names, name] };
      // A static member a class of the project inherits from a package's class: `MyAgent.serve()`.
      return inheritedStaticRef(expression.object, name, depth + 1, follow);
    }
    case AST_NODE_TYPES.CallExpression: {
      const specifier = requireSpecifier(expression);
      if (specifier === null) return null;
      const required = requiredValue(expression, specifier, follow);
      if (!required) return null;
      return required.kind === 'external' ? required.ref : externalRefOf(required.node, depth + 1, follow);
    }
    case AST_NODE_TYPES.AwaitExpression:
      return externalRefOf(expression.argument, depth + 1, follow);
    case AST_NODE_TYPES.ImportExpression: {
      const source = expression.source.type === AST_NODE_TYPES.Literal ? expression.source.value : null;
      if (typeof source !== 'string') return null;
      const target = moduleTarget(expression, source, follow);
      return target?.kind === 'external' ? { module: target.module, names: [] } : null;
    }
    default:
      return null;
  }
}

/**
 * The package export a static member of a class of the project is, when the class does not
 * declare it and a class it extends (to a few levels) comes from a package: `class NotesAgent
 * extends McpAgent {}` makes `NotesAgent.serve` the package's `McpAgent.serve`.
 */
function inheritedStaticRef(
  node: TSESTree.Node,
  name: string,
  depth: number,
  follow: ModuleFilter | undefined,
): ExternalRef | null {
  // Only a class's own name, or an import of one: not every object whose member is read.
  const object = skipTypeWrappers(node);
  if (object.type !== AST_NODE_TYPES.Identifier) return null;
  const defType = variableOf(object)?.defs[0]?.type;
  if (defType !== 'ClassName' && defType !== 'ImportBinding') return null;
  // An import is read only from a module that declares a subclass at all.
  if (defType === 'ImportBinding') {
    const file = importedFile(object);
    if (file === null || !declaresSubclass(file)) return null;
  }
  let cls = classOf(object);
  for (let level = 0; cls && level < 5 && depth + level <= MAX_DEPTH; level++) {
    if (declaresStatic(cls, name) || !cls.superClass) return null;
    const base = externalRefOf(cls.superClass, depth + level + 1, follow);
    if (base) return { module: base.module, names: [...base.names, name] };
    cls = classOf(cls.superClass);
  }
  return null;
}

/**
 * Whether a class declares, or may declare, a static member of this name: a static method,
 * field or accessor of the name, and also any computed static key or static block, which the
 * analysis does not read.
 */
function declaresStatic(cls: ClassNode, name: string): boolean {
  return cls.body.body.some((member) => {
    if (member.type === AST_NODE_TYPES.StaticBlock) return true;
    if (
      member.type !== AST_NODE_TYPES.MethodDefinition &&
      member.type !== AST_NODE_TYPES.PropertyDefinition &&
      member.type !== AST_NODE_TYPES.AccessorProperty
    )
      return false;
    if (!member.static) return false;
    if (member.computed) return true;
    return (
      (member.key.type === AST_NODE_TYPES.Identifier && member.key.name === name) ||
      (member.key.type === AST_NODE_TYPES.Literal && member.key.value === name)
    );
  });
}

/** What the linted file's names turned out to be, per module filter; a new lint makes new variables. */
const refsOfVariables = new WeakMap<Scope.Variable, Map<ModuleFilter | undefined, ExternalRef | null>>();

/** The installed package export a variable holds: an import, or a `const` set once from one. */
function variableRef(variable: Scope.Variable, depth: number, follow: ModuleFilter | undefined): ExternalRef | null {
  const def = variable.defs[0];
  if (!def) return null;
  const expression = def.name as TSESTree.Identifier;
  if (def.type === 'ImportBinding') {
    const imported = importedValue(expression, follow);
    if (!imported) return null;
    return imported.kind === 'external' ? imported.ref : externalRefOf(imported.node, depth + 1, follow);
  }
  if (def.type !== 'Variable' || variable.references.filter((reference) => reference.isWrite()).length !== 1)
    return null;
  const declarator = def.node;
  if (!declarator.init) return null;
  if (declarator.id.type === AST_NODE_TYPES.Identifier) return externalRefOf(declarator.init, depth + 1, follow);
  // `const [{ default: express }, cors] = await Promise.all([import('express'), import('cors')])`:
  // each element takes what the promise at its place resolves to.
  if (declarator.id.type === AST_NODE_TYPES.ArrayPattern) {
    const promised = promisedTogether(declarator.init);
    const index = declarator.id.elements.findIndex((element) => element !== null && containsNode(element, expression));
    const element = index >= 0 ? declarator.id.elements[index] : null;
    const given = promised?.[index];
    // A spread before it (`[...loaders, import('x')]`) moves every place after it.
    const shifted = promised?.slice(0, index + 1).some((item) => item?.type === AST_NODE_TYPES.SpreadElement);
    if (!element || !given || shifted) return null;
    const path = patternPath(element, expression);
    const base = path ? externalRefOf(given, depth + 1, follow) : null;
    return base && path ? { module: base.module, names: [...base.names, ...path] } : null;
  }
  // `const { Router } = require('express')`, `const { a: { b } } = pkg`
  const path = patternPath(declarator.id, def.name as TSESTree.Identifier);
  const base = path ? externalRefOf(declarator.init, depth + 1, follow) : null;
  return base && path ? { module: base.module, names: [...base.names, ...path] } : null;
}

/** The promises `await Promise.all([a, b])` waits for together, in their places: `[a, b]`. */
function promisedTogether(init: TSESTree.Node): TSESTree.ArrayExpression['elements'] | null {
  const awaited = skipTypeWrappers(init);
  if (awaited.type !== AST_NODE_TYPES.AwaitExpression) return null;
  const call = skipTypeWrappers(awaited.argument);
  if (call.type !== AST_NODE_TYPES.CallExpression || globalPath(call.callee)?.join('.') !== 'Promise.all') return null;
  const [list] = call.arguments;
  const array = list && skipTypeWrappers(list);
  return array?.type === AST_NODE_TYPES.ArrayExpression ? array.elements : null;
}

/** The property path a destructured name takes from its pattern: `['a', 'b']` for `{ a: { b } }`. */
function patternPath(pattern: TSESTree.Node, target: TSESTree.Identifier): string[] | null {
  if (pattern === target) return [];
  if (pattern.type === AST_NODE_TYPES.AssignmentPattern) return patternPath(pattern.left, target);
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return null;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property || !containsNode(property.value, target)) continue;
    const key = propertyName(property);
    const rest = patternPath(property.value, target);
    return key !== null && rest ? [key, ...rest] : null;
  }
  return null;
}

/** The scope a node is in (re-exported for helpers that need it beside the values). */
export { scopeOf };

/**
 * The function of the project a handler hands its request to and does nothing else
 * (`(req, res) => postMessage('/messages', req, res)`, also awaited or returned from a block of
 * that one statement), with the place the request takes among its parameters: what it serves and
 * checks is the handler's.
 */
export function delegateOf(fn: HandlerFunction): { fn: HandlerFunction; request: number } | null {
  const [request] = fn.params;
  if (request?.type !== AST_NODE_TYPES.Identifier) return null;
  let body: TSESTree.Node = fn.body;
  if (body.type === AST_NODE_TYPES.BlockStatement) {
    const [only, ...rest] = body.body;
    if (!only || rest.length > 0) return null;
    if (only.type === AST_NODE_TYPES.ExpressionStatement) body = only.expression;
    else if (only.type === AST_NODE_TYPES.ReturnStatement && only.argument) body = only.argument;
    else return null;
  }
  let call = skipTypeWrappers(body);
  if (call.type === AST_NODE_TYPES.AwaitExpression || call.type === AST_NODE_TYPES.UnaryExpression)
    call = skipTypeWrappers(call.argument);
  if (call.type !== AST_NODE_TYPES.CallExpression || skipTypeWrappers(call.callee).type !== AST_NODE_TYPES.Identifier)
    return null;
  const index = call.arguments.findIndex((argument) => {
    const value = skipTypeWrappers(argument);
    return value.type === AST_NODE_TYPES.Identifier && value.name === request.name;
  });
  const target = index < 0 ? null : resolveFunction(call.callee);
  return target && target !== fn && target.params.length > index ? { fn: target, request: index } : null;
}
