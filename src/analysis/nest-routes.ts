import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { codeOf, moduleOf, propertyName, staticValue, textOf, variableOf } from './program';
import {
  calledMethodName,
  calledMethodObject,
  declaredClass,
  declarationOf,
  globalPath,
  outermostWrapper,
  skipTypeWrappers,
  walk,
} from './ast';
import { importOf, loadModule, perLintedFileByName } from './exports';
import { samePlace } from './exported-values';
import { packageModulesMentioning } from './module-graph';
import { isCredentialHeader } from './credential-checks';
import { requestHeaderRead } from './request-headers';
import {
  classMethod,
  classOf,
  enclosingFunction,
  findObjectProperty,
  isFunctionNode,
  possibleValues,
  resolveExpression,
  resolveObjectExpression,
  resolveFunction,
  returnedExpressions,
  type HandlerFunction,
} from './values';

/** NestJS's route decorators (`@nestjs/common` decorators/http/request-mapping.decorator.js). */
const VERBS: ReadonlySet<string> = new Set([
  'Get',
  'Post',
  'Put',
  'Delete',
  'Patch',
  'Options',
  'Head',
  'All',
  'Search',
]);

/** The name a decorator's callee is imported under from `@nestjs/common`, or `null`. */
export function nestDecorator(decorator: TSESTree.Decorator): string | null {
  const expression = decorator.expression;
  const callee = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
  const imported = callee.type === AST_NODE_TYPES.Identifier ? importOf(callee) : null;
  return imported?.specifier === NEST_COMMON ? imported.name : null;
}

const NEST_COMMON = '@nestjs/common';
/** A module that imports NestJS's decorators (`@nestjs/common`). */
export const MENTIONS_NEST_COMMON = /['"]@nestjs\/common['"]/u;

/** A route method of a NestJS controller class declared at the top of a module. */
export interface NestRouteMethod {
  readonly cls: TSESTree.ClassDeclaration;
  /** The class's `@Controller()`. */
  readonly controller: TSESTree.Decorator;
  readonly member: TSESTree.MethodDefinition & { value: TSESTree.FunctionExpression };
  /** Its route decorator, one of `verbs`. */
  readonly verb: TSESTree.Decorator;
}

/**
 * The instance methods of the `@Controller()` classes a module declares that carry one of these
 * route decorators of `@nestjs/common` (`@Post()`, `@All()`).
 */
export function nestRouteMethods(program: TSESTree.Program, verbs: ReadonlySet<string>): NestRouteMethod[] {
  const found: NestRouteMethod[] = [];
  for (const cls of declaredClasses(program)) {
    const controller = cls.decorators.find((decorator) => nestDecorator(decorator) === 'Controller');
    if (!controller) continue;
    for (const member of cls.body.body) {
      if (member.type !== AST_NODE_TYPES.MethodDefinition || member.static) continue;
      if (member.value.type !== AST_NODE_TYPES.FunctionExpression) continue;
      const verb = member.decorators.find((decorator) => verbs.has(nestDecorator(decorator) ?? ''));
      if (verb) found.push({ cls, controller, member: member as NestRouteMethod['member'], verb });
    }
  }
  return found;
}

/**
 * The classes a module declares: at its top, and in the body of a function declared there, as a
 * factory that makes a controller for the path it is given declares it (`function
 * createController(path) { @Controller(path) class McpController { … } return McpController; }`).
 */
function declaredClasses(program: TSESTree.Program): TSESTree.ClassDeclaration[] {
  const classes: TSESTree.ClassDeclaration[] = [];
  for (const statement of program.body) {
    const cls = declaredClass(statement);
    if (cls) {
      classes.push(cls);
      continue;
    }
    const declaration = declarationOf(statement);
    const functions: TSESTree.Node[] =
      declaration?.type === AST_NODE_TYPES.FunctionDeclaration
        ? [declaration]
        : declaration?.type === AST_NODE_TYPES.VariableDeclaration
          ? declaration.declarations.flatMap((declarator) =>
              declarator.init ? [skipTypeWrappers(declarator.init)] : [],
            )
          : [];
    for (const fn of functions) {
      if (!isFunctionNode(fn) || fn.body.type !== AST_NODE_TYPES.BlockStatement) continue;
      for (const inner of fn.body.body) if (inner.type === AST_NODE_TYPES.ClassDeclaration) classes.push(inner);
    }
  }
  return classes;
}

/** The route method of a NestJS controller whose own body (not a function inside it) holds `node`. */
function routeMethodAround(node: TSESTree.Node): NestRouteMethod | null {
  const fn = enclosingFunction(node);
  const member = fn?.parent;
  if (member?.type !== AST_NODE_TYPES.MethodDefinition || member.value !== fn || member.static) return null;
  const cls = member.parent.parent;
  if (cls.type !== AST_NODE_TYPES.ClassDeclaration) return null;
  const controller = cls.decorators.find((decorator) => nestDecorator(decorator) === 'Controller');
  const verb = member.decorators.find((decorator) => VERBS.has(nestDecorator(decorator) ?? ''));
  return controller && verb ? { cls, controller, member: member as NestRouteMethod['member'], verb } : null;
}

/** A call a route method of a NestJS controller makes. */
export interface NestRouteCall {
  readonly route: NestRouteMethod;
  readonly call: TSESTree.CallExpression;
}

/**
 * The calls route methods of NestJS controllers make of a method of an `@Injectable()` provider
 * of the project, through the property Nest's injector fills with an instance of it
 * (`constructor(private readonly mcp: McpService)`, then `this.mcp.handle(req, res)` in a
 * `@Post()` method; `resolveFunction` follows the property), as the modules of its package that
 * name the class show them. `null` when the method is used any other way there (called outside a
 * route method's own body, handed on), or when the package cannot be read.
 */
export function providerMethodCalls(method: TSESTree.MethodDefinition): NestRouteCall[] | null {
  const cls = method.parent.parent;
  const { file } = moduleOf(method);
  if (
    file === null ||
    method.static ||
    method.kind !== 'method' ||
    method.computed ||
    method.key.type !== AST_NODE_TYPES.Identifier ||
    cls.type !== AST_NODE_TYPES.ClassDeclaration ||
    !cls.id ||
    !cls.decorators.some((decorator) => nestDecorator(decorator) === 'Injectable')
  )
    return null;
  const name = method.key.name;
  const className = cls.id.name;
  const files = packageModulesMentioning(file, [className]);
  if (!files) return null;
  const calls: NestRouteCall[] = [];
  let other = false;
  // This module as linted, and the others, which read this one again from disk: its method is
  // matched by its place.
  for (const program of [codeOf(method).ast, ...files.filter((found) => found !== file).map(loadModule)]) {
    if (!program) continue;
    walk(program, (node) => {
      if (other || node.type !== AST_NODE_TYPES.MemberExpression || propertyName(node) !== name) return;
      const target = resolveFunction(node);
      // A value only typed as the class (`service: McpService`) may hold it: some other caller.
      if (!target && typedAs(node.object, className)) other = true;
      if (!target || !samePlace(target, file, method.value)) return;
      const holder = outermostWrapper(node);
      const call = holder.parent;
      const route =
        call?.type === AST_NODE_TYPES.CallExpression && call.callee === holder ? routeMethodAround(call) : null;
      if (route && call?.type === AST_NODE_TYPES.CallExpression) calls.push({ route, call });
      else other = true;
    });
    if (other) return null;
  }
  return calls;
}

/** Whether a name is declared with the type of a class of that name (`service: McpService`). */
function typedAs(node: TSESTree.Node, className: string): boolean {
  const expression = skipTypeWrappers(node);
  const declared = expression.type === AST_NODE_TYPES.Identifier ? variableOf(expression)?.defs[0]?.name : undefined;
  const type = declared?.type === AST_NODE_TYPES.Identifier ? declared.typeAnnotation?.typeAnnotation : undefined;
  return (
    type?.type === AST_NODE_TYPES.TSTypeReference &&
    type.typeName.type === AST_NODE_TYPES.Identifier &&
    type.typeName.name === className
  );
}

/**
 * The paths a `@Controller('mcp')` or `@Get(['a', 'b'])` decorator gives (`['']` for none, also
 * for `@Controller({ host })`); `null` when they are not static.
 */
export function decoratorPaths(decorator: TSESTree.Decorator): string[] | null {
  const expression = decorator.expression;
  const [first] = expression.type === AST_NODE_TYPES.CallExpression ? expression.arguments : [];
  if (!first) return [''];
  if (first.type === AST_NODE_TYPES.SpreadElement) return null;
  const value = staticValue(first)?.value;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) return value as string[];
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const { path } = value as { path?: unknown };
    if (path === undefined) return [''];
    if (typeof path === 'string') return [path];
    if (Array.isArray(path) && path.every((entry) => typeof entry === 'string')) return path as string[];
  }
  return null;
}

/** `/` joined the way Nest joins a controller's path and a route's. */
export function joinNestPath(...parts: string[]): string {
  return ['/', ...parts]
    .join('/')
    .replace(/\/{2,}/gu, '/')
    .replace(/(.)\/$/u, '$1');
}

/**
 * The paths of the NestJS route whose method carries a decorator holding `node`
 * (`@Header('Access-Control-Allow-Origin', '*')` on a `@Get('…')` method of a `@Controller('…')`
 * class); `null` when the node is not in such a decorator or a path is not static.
 */
export function nestRoutePaths(node: TSESTree.Node): string[] | null {
  let current: TSESTree.Node | undefined = node;
  while (current && current.type !== AST_NODE_TYPES.Decorator) {
    if (current.type === AST_NODE_TYPES.MethodDefinition || current.type === AST_NODE_TYPES.ClassBody) return null;
    current = current.parent;
  }
  const method = current?.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition) return null;
  const cls = method.parent.parent;
  if (cls?.type !== AST_NODE_TYPES.ClassDeclaration && cls?.type !== AST_NODE_TYPES.ClassExpression) return null;
  const controller = cls.decorators.find((decorator) => nestDecorator(decorator) === 'Controller');
  const verbs = method.decorators.filter((decorator) => VERBS.has(nestDecorator(decorator) ?? ''));
  if (!controller || verbs.length === 0) return null;
  const prefixes = decoratorPaths(controller);
  const paths: string[] = [];
  for (const verb of verbs) {
    const own = decoratorPaths(verb);
    if (!prefixes || !own) return null;
    for (const prefix of prefixes) for (const path of own) paths.push(joinNestPath(prefix, path));
  }
  return paths;
}

/**
 * Whether a `@UseGuards(…)` decorator guards nothing: every guard it names is a class (or an
 * object) the code shows whose `canActivate` returns `true` on every path and throws nothing (a
 * placeholder, `canActivate() { return true; }`). A guard the code does not show (a package's,
 * `AuthGuard('jwt')` of `@nestjs/passport`) counts as a check.
 */
export function guardsNothing(decorator: TSESTree.Decorator): boolean {
  const expression = decorator.expression;
  if (expression.type !== AST_NODE_TYPES.CallExpression || expression.arguments.length === 0) return false;
  return listGuardsNothing(expression.arguments);
}

/** Whether every guard of a list is a placeholder, as `guardsNothing` asks (`false` for an empty list). */
export function listGuardsNothing(guards: readonly TSESTree.Node[]): boolean {
  return (
    guards.length > 0 &&
    guards.every((argument) => {
      if (argument.type === AST_NODE_TYPES.SpreadElement) return false;
      const guard = skipTypeWrappers(argument);
      const made = guard.type === AST_NODE_TYPES.NewExpression ? guard.callee : guard;
      const cls = classOf(made);
      if (cls) return activatesAlways(classMethod(cls, 'canActivate'));
      const object = resolveObjectExpression(guard);
      const found = object && findObjectProperty(object, 'canActivate');
      return found?.kind === 'found' && found.value !== null && isFunctionNode(found.value)
        ? activatesAlways(found.value)
        : false;
    })
  );
}

/**
 * Whether a `@UseGuards(…)` decorator lists a guard that keeps a DNS-rebinding page out: a guard
 * class of the project whose `canActivate` refuses a request without a credential compared with
 * a secret (`checks`), or a guard the code does not show whose name says it authenticates
 * (`AuthGuard('jwt')` of `@nestjs/passport`, `JwtAuthGuard`, `ApiKeyGuard`), not a rate limiter
 * (`ThrottlerGuard`) or a check that a header is only there.
 */
export function guardsCredential(decorator: TSESTree.Decorator, checks: (fn: HandlerFunction) => boolean): boolean {
  const expression = decorator.expression;
  if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
  return expression.arguments.some(
    (argument) => argument.type !== AST_NODE_TYPES.SpreadElement && guardAuthenticates(argument, checks),
  );
}

/** Whether a guard (`JwtGuard`, `new JwtGuard()`, `AuthGuard('jwt')`) authenticates, as `guardsCredential` asks. */
export function guardAuthenticates(argument: TSESTree.Node, checks: (fn: HandlerFunction) => boolean): boolean {
  const guard = skipTypeWrappers(argument);
  const made = guard.type === AST_NODE_TYPES.NewExpression ? guard.callee : guard;
  const cls = classOf(made);
  const canActivate = cls ? classMethod(cls, 'canActivate') : null;
  if (canActivate && checks(canActivate)) return true;
  if (cls) {
    // A class of the project on a guard it does not show (`extends AuthGuard('jwt')` of
    // @nestjs/passport), with no `canActivate` of its own or one that ends in the superclass's
    // (`return super.canActivate(context)`): the superclass's name decides.
    const inherited = cls.superClass ? textOf(cls.superClass) : null;
    // @nestjs/passport: only the default `handleRequest` refuses a request without a user; an
    // override that throws nothing, or an `anonymous` strategy, lets every request in.
    const handleRequest = classMethod(cls, 'handleRequest');
    if (handleRequest && !throwsSomewhere(handleRequest)) return false;
    return (
      inherited !== null &&
      AUTHENTICATING_GUARD.test(inherited) &&
      !/anonymous/iu.test(inherited) &&
      (!canActivate || handsToSuper(canActivate))
    );
  }
  const named = made.type === AST_NODE_TYPES.CallExpression ? made.callee : made;
  return AUTHENTICATING_GUARD.test(textOf(named));
}

/**
 * The guards a NestJS app runs before every route, as the modules of its package set them:
 * `app.useGlobalGuards(new JwtGuard())`, and `{ provide: APP_GUARD, useClass: JwtGuard }` among a
 * module's providers (`@nestjs/core`). `null` when the package cannot be read.
 */
export function globalGuards(file: string | null): readonly TSESTree.Node[] | null {
  return file === null ? null : globalGuardsOf(file);
}

const globalGuardsOf = perLintedFileByName((file: string): readonly TSESTree.Node[] | null => {
  const files = packageModulesMentioning(file, ['useGlobalGuards', 'APP_GUARD']);
  if (!files) return null;
  const guards: TSESTree.Node[] = [];
  for (const found of files) {
    const program = loadModule(found);
    if (!program) continue;
    walk(program, (node) => {
      if (node.type === AST_NODE_TYPES.CallExpression && calledMethodName(node) === 'useGlobalGuards') {
        for (const argument of node.arguments)
          if (argument.type !== AST_NODE_TYPES.SpreadElement) guards.push(argument);
      }
      if (node.type === AST_NODE_TYPES.ObjectExpression) {
        const provide = findObjectProperty(node, 'provide');
        if (provide.kind !== 'found' || !provide.value || textOf(provide.value) !== 'APP_GUARD') return;
        for (const key of ['useClass', 'useExisting']) {
          const given = findObjectProperty(node, key);
          if (given.kind === 'found' && given.value) guards.push(given.value);
        }
      }
    });
  }
  return guards;
});

/**
 * Whether a `canActivate` answers with a comparison of a credential header with a value the
 * request does not fix (`return request.headers['x-api-key'] === process.env.API_KEY`): Nest
 * refuses the request when it answers `false`.
 */
export function answersSecretComparison(fn: HandlerFunction): boolean {
  const returned = returnedExpressions(fn);
  const compares = (node: TSESTree.Node): boolean => {
    const expression = skipTypeWrappers(node);
    if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator === '&&')
      return compares(expression.left) || compares(expression.right);
    if (
      expression.type !== AST_NODE_TYPES.BinaryExpression ||
      (expression.operator !== '===' && expression.operator !== '==')
    )
      return false;
    const reads = (side: TSESTree.Node): boolean => {
      const header = requestHeaderRead(side);
      return header !== null && isCredentialHeader(header);
    };
    const { left, right } = expression;
    return (reads(left) && staticValue(right) === null) || (reads(right) && staticValue(left) === null);
  };
  // `return this.auth.isValid(request.headers['x-api-key'])`, where the method answers its
  // parameter's comparison with a secret.
  const comparesInHelper = (node: TSESTree.Node): boolean => {
    let call = skipTypeWrappers(node);
    if (call.type === AST_NODE_TYPES.AwaitExpression) call = skipTypeWrappers(call.argument);
    if (call.type !== AST_NODE_TYPES.CallExpression) return false;
    const helper = resolveFunction(call.callee);
    if (!helper || helper === fn) return false;
    return call.arguments.some((argument, index) => {
      const header = argument.type === AST_NODE_TYPES.SpreadElement ? null : requestHeaderRead(argument);
      const param = helper.params[index];
      if (header === null || !isCredentialHeader(header) || param?.type !== AST_NODE_TYPES.Identifier) return false;
      const answers = returnedExpressions(helper);
      return (
        answers.length > 0 &&
        answers.every((answer) => {
          const expression = skipTypeWrappers(answer);
          if (expression.type !== AST_NODE_TYPES.BinaryExpression || !['===', '=='].includes(expression.operator))
            return false;
          const isParam = (side: TSESTree.Node): boolean =>
            side.type === AST_NODE_TYPES.Identifier && side.name === param.name;
          const { left, right } = expression;
          return (isParam(left) && staticValue(right) === null) || (isParam(right) && staticValue(left) === null);
        })
      );
    });
  };
  return returned.length > 0 && returned.every((value) => compares(value) || comparesInHelper(value));
}

/** Whether a method throws somewhere, or hands on to the superclass's own (`super.handleRequest(…)`). */
function throwsSomewhere(fn: HandlerFunction): boolean {
  let throws = false;
  walk(fn.body, (node) => {
    if (node.type === AST_NODE_TYPES.ThrowStatement) throws = true;
    if (
      node.type === AST_NODE_TYPES.CallExpression &&
      node.callee.type === AST_NODE_TYPES.MemberExpression &&
      node.callee.object.type === AST_NODE_TYPES.Super
    )
      throws = true;
  });
  return throws;
}

/** Whether a method ends in the superclass's answer (`return super.canActivate(context)`) on some path. */
function handsToSuper(fn: HandlerFunction): boolean {
  const returned = returnedExpressions(fn);
  return (
    returned.length > 0 &&
    returned.some((value) => {
      let expression = skipTypeWrappers(value);
      if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = skipTypeWrappers(expression.argument);
      return (
        expression.type === AST_NODE_TYPES.CallExpression &&
        expression.callee.type === AST_NODE_TYPES.MemberExpression &&
        expression.callee.object.type === AST_NODE_TYPES.Super
      );
    })
  );
}

/** Names of guards that authenticate a request: `AuthGuard`, `JwtAuthGuard`, `ApiKeyGuard`, `BearerGuard`. */
const AUTHENTICATING_GUARD = /auth|jwt|token|api-?key|bearer|oauth|clerk|session/iu;

/**
 * A `canActivate` whose every return is `true` (or `Promise.resolve(true)`), with no `throw`, no
 * `await` and no call but logging (`console.log(…)`, `this.logger.debug(…)`): a helper it calls may
 * throw (`assertApiKey(request)`, `await this.jwt.verifyAsync(token)`).
 */
function activatesAlways(fn: ReturnType<typeof classMethod>): boolean {
  if (!fn) return false;
  const returned = returnedExpressions(fn);
  if (returned.length === 0 || !returned.every(isTrue)) return false;
  let placeholder = true;
  walk(
    fn.body,
    (node) => {
      if (node.type === AST_NODE_TYPES.ThrowStatement || node.type === AST_NODE_TYPES.AwaitExpression)
        placeholder = false;
      else if (node.type === AST_NODE_TYPES.CallExpression && !isTrue(node) && !logs(node)) placeholder = false;
    },
    (node) => placeholder && (node === fn.body || !isFunctionNode(node)),
  );
  return placeholder;
}

/** `console.log(…)`, `this.logger.debug(…)`, `logger.warn(…)`: a call that only logs. */
function logs(call: TSESTree.CallExpression): boolean {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.property.type !== AST_NODE_TYPES.Identifier)
    return false;
  if (!LOG_METHODS.has(callee.property.name)) return false;
  const object = skipTypeWrappers(callee.object);
  const name =
    object.type === AST_NODE_TYPES.Identifier
      ? object.name
      : object.type === AST_NODE_TYPES.MemberExpression && object.property.type === AST_NODE_TYPES.Identifier
        ? object.property.name
        : null;
  return name !== null && /^(?:console|logger|log)$/iu.test(name);
}

const LOG_METHODS: ReadonlySet<string> = new Set(['log', 'debug', 'info', 'warn', 'error', 'verbose', 'trace']);

function isTrue(node: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.Literal) return expression.value === true;
  // `Promise.resolve(true)`.
  return (
    expression.type === AST_NODE_TYPES.CallExpression &&
    globalPath(expression.callee)?.join('.') === 'Promise.resolve' &&
    expression.arguments.length === 1 &&
    isTrue(expression.arguments[0]!)
  );
}

/**
 * Middleware a NestJS app runs before its routes, as the modules of its package mount it:
 * `consumer.apply(ApiKeyMiddleware).forRoutes('mcp')` in a module's `configure()` (`routes` holds
 * what `forRoutes` is given), and `app.use(requireToken)` on an app `NestFactory.create()` makes
 * (every route, `routes: null`). `null` when the package cannot be read.
 */
export function nestMiddleware(file: string | null): readonly NestMiddlewareMount[] | null {
  return file === null ? null : nestMiddlewareOf(file);
}

const nestMiddlewareOf = perLintedFileByName((file: string): readonly NestMiddlewareMount[] | null => {
  const files = packageModulesMentioning(file, ['forRoutes', 'NestFactory']);
  if (!files) return null;
  const mounts: NestMiddlewareMount[] = [];
  for (const found of files) {
    const program = loadModule(found);
    if (!program) continue;
    for (const { middleware, routes, excluded } of forRoutesMounts(program))
      for (const one of middleware) mounts.push({ middleware: one, routes, excluded });
    walk(program, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression || calledMethodName(node) !== 'use') return;
      const app = calledMethodObject(node);
      if (!app || !madeByNestFactory(app)) return;
      for (const middleware of node.arguments)
        if (middleware.type !== AST_NODE_TYPES.SpreadElement) mounts.push({ middleware, routes: null, excluded: [] });
    });
  }
  return mounts;
});

/** Middleware mounted on a NestJS app, the routes it runs on (`null`: every route) and those `exclude()` leaves out. */
export interface NestMiddlewareMount {
  readonly middleware: TSESTree.Node;
  readonly routes: readonly TSESTree.Node[] | null;
  readonly excluded: readonly TSESTree.Node[];
}

/** `app` of `const app = await NestFactory.create(AppModule)`. */
function madeByNestFactory(node: TSESTree.Node): boolean {
  let made = skipTypeWrappers(resolveExpression(skipTypeWrappers(node)) ?? node);
  if (made.type === AST_NODE_TYPES.AwaitExpression) made = skipTypeWrappers(made.argument);
  if (made.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTypeWrappers(made.callee);
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    propertyName(callee) !== 'create' ||
    callee.object.type !== AST_NODE_TYPES.Identifier
  )
    return false;
  const imported = importOf(callee.object);
  return imported?.specifier === '@nestjs/core' && imported.name === 'NestFactory';
}

/**
 * Whether a NestJS route (`path` of a method of controller `cls`, answering `verb`, `POST` or
 * `GET`, or every method for `ALL`) runs behind
 * mounted middleware that checks a credential: a middleware class of the project whose `use()`
 * passes `checks`, one the code does not show whose name says it authenticates, or any other
 * middleware `checksMiddleware` accepts (a function, a package's).
 */
export function nestMiddlewareGuards(
  file: string | null,
  cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  path: string,
  verb: string,
  checks: (fn: HandlerFunction) => boolean,
  checksMiddleware: (node: TSESTree.Node) => boolean,
): boolean {
  return (nestMiddleware(file) ?? []).some(
    ({ middleware, routes, excluded }) =>
      (routes === null || routes.some((route) => forRoute(route, cls, path, verb, true))) &&
      !excluded.some((route) => forRoute(route, cls, path, verb, false)) &&
      middlewareAuthenticates(middleware, checks, checksMiddleware),
  );
}

function middlewareAuthenticates(
  middleware: TSESTree.Node,
  checks: (fn: HandlerFunction) => boolean,
  checksMiddleware: (node: TSESTree.Node) => boolean,
): boolean {
  const cls = classOf(middleware);
  if (!cls) return checksMiddleware(middleware);
  const use = classMethod(cls, 'use');
  if (use) return checks(use);
  // A class of the project on middleware it does not show (`extends AuthMiddleware` of a package).
  return cls.superClass !== null && AUTHENTICATING_GUARD.test(textOf(cls.superClass));
}

/**
 * Whether a `forRoutes()` (or `exclude()`) argument names a route: the controller class itself, or
 * a path that reaches the route's (`nestPathReaches`) for its method. What cannot be read names it
 * when `unreadable` says so.
 */
function forRoute(route: TSESTree.Node, cls: TSESTree.Node, path: string, verb: string, unreadable: boolean): boolean {
  const controller = classOf(route);
  if (controller) return controller === cls;
  const paths = forRoutesPaths(route, verb);
  if (paths === null) return unreadable;
  const endpoint = path.replace(/^\/+|\/+$/gu, '');
  return paths.some((given) => nestPathReaches(given, endpoint));
}

/** `consumer.apply(A, B).exclude(…).forRoutes(…)` of a `MiddlewareConsumer` (`@nestjs/common`). */
export interface ForRoutesMount {
  readonly middleware: readonly TSESTree.Node[];
  readonly routes: readonly TSESTree.Node[];
  readonly excluded: readonly TSESTree.Node[];
}

/** The `forRoutes()` mounts written under `root`; not one given its routes by a spread. */
export function forRoutesMounts(root: TSESTree.Node): ForRoutesMount[] {
  const mounts: ForRoutesMount[] = [];
  const plain = (given: readonly TSESTree.CallExpressionArgument[]): TSESTree.Node[] =>
    given.filter((argument) => argument.type !== AST_NODE_TYPES.SpreadElement);
  walk(root, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression || calledMethodName(node) !== 'forRoutes') return;
    const excluded: TSESTree.Node[] = [];
    let inner = calledMethodObject(node);
    while (inner?.type === AST_NODE_TYPES.CallExpression && calledMethodName(inner) === 'exclude') {
      excluded.push(...plain(inner.arguments));
      inner = calledMethodObject(inner);
    }
    if (inner?.type !== AST_NODE_TYPES.CallExpression || calledMethodName(inner) !== 'apply') return;
    const routes = plain(node.arguments);
    if (routes.length !== node.arguments.length) return;
    mounts.push({ middleware: plain(inner.arguments), routes, excluded });
  });
  return mounts;
}

/**
 * The paths a `forRoutes()` or `exclude()` argument names for `verb` (`'POST'`, `'GET'`): a path
 * (or a value that holds one), or `{ path, method }` whose method is `verb` or `RequestMethod.ALL`
 * (`[]` for another method). `null` for anything else (a controller class, a value not shown).
 */
export function forRoutesPaths(argument: TSESTree.Node, verb: string): string[] | null {
  if (argument.type === AST_NODE_TYPES.SpreadElement) return null;
  const object = resolveObjectExpression(argument);
  if (object) {
    const path = findObjectProperty(object, 'path');
    const method = findObjectProperty(object, 'method');
    if (method.kind === 'found' && method.value) {
      // `RequestMethod` of @nestjs/common 12.5.1 (enums/request-method.enum.js): GET is 0, POST 1, ALL 5.
      const named = skipTypeWrappers(method.value);
      const number = staticValue(named)?.value;
      const name =
        named.type === AST_NODE_TYPES.MemberExpression
          ? propertyName(named)
          : typeof number === 'number'
            ? (REQUEST_METHODS[number] ?? null)
            : null;
      if (name === null) return null;
      if (name !== 'ALL' && name !== verb) return [];
    }
    return path.kind === 'found' && path.value ? forRoutesPaths(path.value, verb) : null;
  }
  const values = possibleValues(argument);
  return values.length > 0 && values.every((candidate) => candidate.known && typeof candidate.value === 'string')
    ? values.map((candidate) => (candidate.known ? String(candidate.value) : ''))
    : null;
}

const REQUEST_METHODS: Readonly<Record<number, string>> = { 0: 'GET', 1: 'POST', 5: 'ALL' };

/** A `forRoutes()` path that reaches every route: `'*'`, `'(.*)'`, `'*path'`, `'{*splat}'`. */
const EVERY_PATH = /^\/?(?:\*|\(\.\*\)|\*\w*|\{\*\w*\})$/u;

/**
 * Whether a `forRoutes()` path reaches an endpoint (a path without its slashes, `'*'` for one only
 * every path reaches): every path, the endpoint as written (Nest matches it whole), or a wildcard
 * under it or a folder above it (`mcp/*`, `v1/*`, `v1/(.*)`, `mcp*`).
 */
export function nestPathReaches(path: string, endpoint: string): boolean {
  if (EVERY_PATH.test(path)) return true;
  if (endpoint === '*') return false;
  const bare = path.replace(/^\/+|\/+$/gu, '');
  if (bare === endpoint) return true;
  const prefix = /^(.*?)\/?(?:\*\w*|\(\.\*\)|\{\*\w*\})$/u.exec(bare)?.[1];
  return (
    prefix !== undefined &&
    (endpoint === prefix ||
      endpoint.startsWith(`${prefix}/`) ||
      (bare.endsWith('*') && !bare.endsWith('/*') && endpoint.startsWith(prefix)))
  );
}
