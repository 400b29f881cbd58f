import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import {
  calledMethodName,
  calledMethodObject,
  globalPath,
  isLoggingCallee,
  outermostWrapper,
  skipTypeWrappers,
  walk,
} from './ast';
import { transportCalls } from './mcp-transports';
import { nameOf, propertyName, staticValue, variableOf } from './program';
import { enclosingClass, holdsThrough, resolveExpression, type HandlerFunction } from './values';

// Sessions of MCP transports kept by their ids: a handler that only looks a transport up by the id
// the request names (`transports[req.headers['mcp-session-id']]`, `sessions.get(req.query.sessionId)`)
// serves only requests of sessions that another route made, and a page that cannot make one cannot
// learn an id.

/**
 * Whether a function hands requests only to transports it looks up by an id the request names, in
 * a collection of this module's own keyed by the ids the transports make (`keyedBySessionId`):
 * every transport call of it (`handleRequest`, or `method` alone when given) is on such a lookup.
 * The request is its parameter at `requestIndex`.
 */
export function onlyLooksUpSessions(fn: HandlerFunction, method?: string, requestIndex = 0): boolean {
  const request = fn.params[requestIndex];
  if (request?.type !== AST_NODE_TYPES.Identifier) return false;
  const requestVariable = variableOf(request);
  if (requestVariable === null) return false;
  const calls = transportCalls(fn);
  return (
    calls.length > 0 &&
    calls.every((call) => (method === undefined || calledMethodName(call) === method) && lookedUp(call))
  );

  function lookedUp(call: TSESTree.CallExpression): boolean {
    const object = calledMethodObject(call);
    const held = object && sessionLookupOf(object);
    const [collection, key] =
      held?.type === AST_NODE_TYPES.CallExpression && calledMethodName(held) === 'get'
        ? [calledMethodObject(held), held.arguments[0]]
        : held?.type === AST_NODE_TYPES.MemberExpression && held.computed
          ? [held.object, held.property]
          : [null, null];
    return (
      collection !== null &&
      key !== null &&
      key !== undefined &&
      keyedBySessionId(collection) &&
      holdsThrough(key, (inner) => inner.type === AST_NODE_TYPES.Identifier && variableOf(inner) === requestVariable, 4)
    );
  }
}

/**
 * The expression a transport is looked up by: what a name holds (a `const`, or a `let` written
 * once, `t = sid ? streams.get(sid) : undefined`), less a `?:`'s branch that gives nothing
 * and a fallback that holds nothing (`sessions.get(id) ?? {}`).
 */
function lookupOf(object: TSESTree.Node): TSESTree.Node {
  let held = skipTypeWrappers(object);
  if (held.type === AST_NODE_TYPES.Identifier) {
    const resolved = resolveExpression(held);
    if (resolved && resolved !== held) held = skipTypeWrappers(resolved);
    else {
      const variable = variableOf(held);
      const writes = variable?.references.filter((reference) => reference.isWrite()) ?? [];
      const def = variable?.defs[0];
      const declaredEmpty = def?.type === 'Variable' && def.node.init === null;
      const value = writes.length === 1 && declaredEmpty ? writes[0]!.writeExpr : null;
      if (value) held = skipTypeWrappers(value as TSESTree.Node);
    }
  }
  const nothing = (node: TSESTree.Node): boolean => {
    const value = staticValue(node);
    return value !== null && value.value == null;
  };
  if (held.type === AST_NODE_TYPES.ConditionalExpression) {
    if (nothing(held.alternate)) return skipTypeWrappers(held.consequent);
    if (nothing(held.consequent)) return skipTypeWrappers(held.alternate);
  }
  // `sessions.get(id) ?? {}` (or `|| {}`), to destructure a record from: the empty fallback holds
  // no transport, so nothing is posted to without the lookup.
  if (held.type === AST_NODE_TYPES.LogicalExpression && (held.operator === '??' || held.operator === '||')) {
    const fallback = skipTypeWrappers(held.right);
    if (nothing(fallback) || (fallback.type === AST_NODE_TYPES.ObjectExpression && fallback.properties.length === 0))
      return skipTypeWrappers(held.left);
  }
  return held;
}

/**
 * The lookup a transport comes from, also out of the record a session keeps it in beside its
 * server (`sessions[t.sessionId] = { server, transport: t }`): `const { transport } =
 * sessions[id]`, `sessions.get(id)?.transport`, or a name that holds the record first.
 */
export function sessionLookupOf(object: TSESTree.Node): TSESTree.Node {
  const held = lookupOf(object);
  const record = recordHolding(held);
  return record ? lookupOf(record) : held;
}

/** The record a transport is read from: `record.transport`, or `const { transport } = record`. */
function recordHolding(node: TSESTree.Node): TSESTree.Node | null {
  if (node.type === AST_NODE_TYPES.MemberExpression) return node.computed ? null : node.object;
  if (node.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = variableOf(node);
  const def = variable?.defs[0];
  if (variable?.defs.length !== 1 || def?.type !== 'Variable' || def.parent.kind !== 'const') return null;
  const { id, init } = def.node;
  const property = def.name.parent;
  return init &&
    id.type === AST_NODE_TYPES.ObjectPattern &&
    property?.type === AST_NODE_TYPES.Property &&
    property.parent === id &&
    property.value === def.name &&
    !property.computed
    ? init
    : null;
}

/**
 * Whether a collection of sessions is this module's own and keyed by the ids the transports
 * make: a binding (of the module, or of the function that sets up the server), never exported
 * or handed on, that the code only looks up,
 * tests, deletes from, counts, and fills as `sessions.set(t.sessionId, t)` or
 * `sessions[t.sessionId] = t`. Listing its keys, a key of the code's own choosing
 * (`'default'`), or passing it elsewhere would let a page learn or skip the id.
 */
export function keyedBySessionId(collection: TSESTree.Node): boolean {
  const name = skipTypeWrappers(collection);
  // `transports.sse[id]`: one record of a constant object of records (the SDK's example
  // server keeps one per transport kind), each use of it read as a name's.
  if (
    name.type === AST_NODE_TYPES.MemberExpression &&
    !name.computed &&
    name.object.type === AST_NODE_TYPES.Identifier
  ) {
    const key = propertyName(name);
    const holder = variableOf(name.object);
    const def = holder?.defs[0];
    if (!holder || !key || holder.defs.length !== 1 || def?.type !== 'Variable' || def.parent.kind !== 'const')
      return false;
    const uses: TSESTree.Node[] = [];
    for (const reference of holder.references) {
      if (reference.init) continue;
      const member = outermostWrapper(reference.identifier as TSESTree.Node).parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.computed) return false;
      if (propertyName(member) === key) uses.push(member);
    }
    return uses.every((use) => usedAsSessionStore(use));
  }
  // `this.transports[id]`: a private field of the class (`private transports = {}`, `#transports`),
  // each use of which in the class's body is read as a name's.
  if (
    name.type === AST_NODE_TYPES.MemberExpression &&
    !name.computed &&
    name.object.type === AST_NODE_TYPES.ThisExpression
  ) {
    const key = fieldName(name);
    const body = enclosingClass(name)?.body;
    if (!key || !body) return false;
    const field = body.body.find(
      (member): member is TSESTree.PropertyDefinition =>
        member.type === AST_NODE_TYPES.PropertyDefinition &&
        !member.static &&
        !member.computed &&
        (member.key.type === AST_NODE_TYPES.PrivateIdentifier || member.accessibility === 'private') &&
        fieldName(member) === key,
    );
    if (!field) return false;
    const uses: TSESTree.Node[] = [];
    walk(body, (node) => {
      if (
        node.type === AST_NODE_TYPES.MemberExpression &&
        !node.computed &&
        node.object.type === AST_NODE_TYPES.ThisExpression &&
        fieldName(node) === key
      )
        uses.push(node);
    });
    return uses.length > 0 && uses.every((use) => usedAsSessionStore(use));
  }
  if (name.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = variableOf(name);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable') return false;
  return variable.references.every(
    (reference) => reference.init || usedAsSessionStore(reference.identifier as TSESTree.Node),
  );
}

/** The name of a field, or of the member that reads one, with `#` for a private name. */
function fieldName(node: TSESTree.MemberExpression | TSESTree.PropertyDefinition): string | null {
  const key = node.type === AST_NODE_TYPES.MemberExpression ? node.property : node.key;
  return key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${key.name}` : propertyName(node);
}

/**
 * Whether a listing of the sessions (`Object.keys(sessions)`, `sessions.keys()`, spread or
 * `Array.from`) is only counted (`.length`) or only written to a log line, also inside an object,
 * an array or a template the log call is given, or joined: neither reaches a page.
 */
function listedOnlyUnread(use: TSESTree.Node): boolean {
  let listing: TSESTree.Node;
  const parent = use.parent;
  if (
    parent?.type === AST_NODE_TYPES.CallExpression &&
    parent.arguments.length === 1 &&
    parent.arguments[0] === use &&
    LISTINGS.has(globalPath(parent.callee)?.join('.') ?? '')
  ) {
    listing = parent;
  } else if (
    parent?.type === AST_NODE_TYPES.MemberExpression &&
    parent.object === use &&
    parent.parent.type === AST_NODE_TYPES.CallExpression &&
    parent.parent.callee === parent &&
    parent.parent.arguments.length === 0 &&
    LISTING_METHODS.has(propertyName(parent) ?? '')
  ) {
    listing = parent.parent;
  } else return false;
  // Through what keeps it a listing: `[...listing]`, `Array.from(listing)`, `listing.join(', ')`.
  let current = outermostWrapper(listing);
  for (let depth = 0; depth < 4; depth++) {
    const holder = current.parent;
    if (holder?.type === AST_NODE_TYPES.SpreadElement && holder.parent.type === AST_NODE_TYPES.ArrayExpression)
      current = outermostWrapper(holder.parent);
    else if (
      holder?.type === AST_NODE_TYPES.CallExpression &&
      holder.arguments[0] === current &&
      globalPath(holder.callee)?.join('.') === 'Array.from'
    )
      current = outermostWrapper(holder);
    else if (
      holder?.type === AST_NODE_TYPES.MemberExpression &&
      holder.object === current &&
      propertyName(holder) === 'join' &&
      holder.parent.type === AST_NODE_TYPES.CallExpression &&
      holder.parent.callee === holder
    )
      current = outermostWrapper(holder.parent);
    else break;
  }
  const holder = current.parent;
  if (
    holder?.type === AST_NODE_TYPES.MemberExpression &&
    holder.object === current &&
    propertyName(holder) === 'length'
  )
    return true;
  return inLogLine(current);
}

/**
 * Whether a use is what a `for…in` loop walks (`for (const id in sessions)`, to close each at
 * shutdown), and the loop's id serves only to index the same sessions (`sessions[id].close()`,
 * `delete sessions[id]`) or in a log line: the ids stay in the code.
 */
function iteratedOnlyWithin(use: TSESTree.Node): boolean {
  const loop = use.parent;
  if (loop?.type !== AST_NODE_TYPES.ForInStatement || loop.right !== use || use.type !== AST_NODE_TYPES.Identifier)
    return false;
  const declaration = loop.left;
  const id =
    declaration.type === AST_NODE_TYPES.VariableDeclaration && declaration.declarations.length === 1
      ? (declaration.declarations[0]?.id ?? null)
      : null;
  const key = id?.type === AST_NODE_TYPES.Identifier ? variableOf(id) : null;
  if (!key) return false;
  return key.references.every((reference) => {
    if (reference.init) return true;
    const value = outermostWrapper(reference.identifier as TSESTree.Node);
    const member = value.parent;
    if (member?.type === AST_NODE_TYPES.MemberExpression && member.computed && member.property === value) {
      const object = skipTypeWrappers(member.object);
      return object.type === AST_NODE_TYPES.Identifier && object.name === use.name;
    }
    return inLogLine(value);
  });
}

/** Whether a value is given to a logging call, also inside an object, an array or a template it is given. */
function inLogLine(value: TSESTree.Node): boolean {
  let current = value;
  for (let depth = 0; depth < 8; depth++) {
    const holder = current.parent;
    if (holder?.type === AST_NODE_TYPES.CallExpression && holder.callee !== current)
      return isLoggingCallee(holder.callee);
    if (
      holder?.type !== AST_NODE_TYPES.ArrayExpression &&
      holder?.type !== AST_NODE_TYPES.TemplateLiteral &&
      holder?.type !== AST_NODE_TYPES.ObjectExpression &&
      !(holder?.type === AST_NODE_TYPES.Property && holder.value === current)
    )
      return false;
    current = outermostWrapper(holder);
  }
  return false;
}

/** The global functions that list a collection's keys or entries. */
const LISTINGS: ReadonlySet<string> = new Set(['Object.keys', 'Object.values', 'Object.entries']);
/** A `Map`'s (or `Set`'s) methods that do so. */
const LISTING_METHODS: ReadonlySet<string> = new Set(['keys', 'values', 'entries']);

/**
 * Whether a use of a collection keeps sessions by their id: a write of one entry under a
 * session id, a read, a delete, `size`, `get`, `has`, `delete`, or `set` under a session id.
 */
function usedAsSessionStore(node: TSESTree.Node): boolean {
  // `t.sessionId` (also held in a constant, `const id = t.sessionId`), or an id the code draws
  // at random for the session (`const id = randomUUID()`).
  const sessionIdOf = (key: TSESTree.Node | undefined): boolean => {
    const value = key && skipTypeWrappers(key);
    if (value?.type === AST_NODE_TYPES.MemberExpression && propertyName(value) === 'sessionId') return true;
    // `const { sessionId } = transport`
    const def = value?.type === AST_NODE_TYPES.Identifier ? variableOf(value)?.defs[0] : undefined;
    const property = def?.type === 'Variable' ? def.name.parent : null;
    if (
      property?.type === AST_NODE_TYPES.Property &&
      property.value === def?.name &&
      property.parent.type === AST_NODE_TYPES.ObjectPattern &&
      propertyName(property) === 'sessionId'
    )
      return true;
    const drawn = value?.type === AST_NODE_TYPES.Identifier ? resolveExpression(value) : null;
    const call = drawn && skipTypeWrappers(drawn);
    if (call?.type === AST_NODE_TYPES.MemberExpression && propertyName(call) === 'sessionId') return true;
    return (
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.arguments.length === 0 &&
      nameOf(skipTypeWrappers(call.callee)) === 'randomUUID'
    );
  };
  const use = outermostWrapper(node);
  if (listedOnlyUnread(use) || iteratedOnlyWithin(use)) return true;
  // `id in sessions`: a test.
  if (use.parent?.type === AST_NODE_TYPES.BinaryExpression && use.parent.operator === 'in' && use.parent.right === use)
    return true;
  const member = use.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== use) return false;
  if (member.computed) {
    const target = outermostWrapper(member);
    const assignment = target.parent;
    // `sessions[t.sessionId] = t`, `delete sessions[id]`, or a read of one entry.
    if (assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === target)
      return sessionIdOf(member.property);
    return true;
  }
  const method = propertyName(member);
  if (method === 'size') return true;
  const call = member.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return false;
  if (method === 'set') return sessionIdOf(call.arguments[0]);
  return method === 'get' || method === 'has' || method === 'delete';
}
