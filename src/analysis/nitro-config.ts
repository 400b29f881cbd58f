import path from 'node:path';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { skipTypeWrappers } from './ast';
import { loadModule } from './exports';
import { sourceModulesUnder } from './module-graph';
import { defaultEventHandler } from './fetch-handlers';
import { servesMcp } from './mcp-transports';
import { codeOf, moduleOf, propertyName, staticValue } from './program';
import { CREDENTIAL_FINDER } from './reach';
import { routeIsGuarded } from './route-guards';
import { findRoutes, type Route } from './routes';
import { findObjectProperty, resolveExpression, resolveObjectExpression } from './values';

/** Nitro's and Nuxt's config files, in the project's root. */
const CONFIG_FILE = /^(?:nitro|nuxt)\.config\.[cm]?[jt]s$/u;
/** What the config's default export is made with: `export default defineNitroConfig({ … })`. */
const CONFIG_MAKERS: ReadonlySet<string> = new Set(['defineNitroConfig', 'defineNuxtConfig', 'defineConfig']);
/** The folders Nitro serves as file routes, beside its config (Nuxt's under `server/`). */
const ROUTE_FOLDERS = ['routes', 'api', 'server/routes', 'server/api'];
/** How many modules of those folders are read for one config file. */
const MAX_ROUTE_MODULES = 200;

/** A route rule of Nitro's config that answers every origin with `*`, and the MCP routes it covers. */
export interface NitroCorsRule {
  /** Its `cors: true`. */
  readonly property: TSESTree.Property;
  /** The route pattern it is keyed by (`/**`, `/api/**`). */
  readonly pattern: string;
  /** The MCP routes of the package under the pattern that refuse no request without a credential. */
  readonly routes: readonly Route[];
}

/**
 * The route rules of a Nitro or Nuxt config file (`routeRules`, also Nuxt's `nitro.routeRules`)
 * that turn on `cors: true` over a route of the package that serves MCP. nitropack 2.13.6
 * (dist/core/index.mjs `normalizeRouteRules`): `cors: true` sets `access-control-allow-origin: *`
 * (and `*` for the methods and headers) under the rule's own `headers`, which win.
 */
export function nitroCorsRules(sourceCode: Readonly<SourceCode>, trustCredentialChecks: boolean): NitroCorsRule[] {
  const { file } = moduleOf(sourceCode.ast);
  if (file === null || !CONFIG_FILE.test(path.basename(file))) return [];
  const config = configObject(sourceCode.ast);
  if (!config) return [];
  const ruleObjects = [findObjectProperty(config, 'routeRules')];
  const nitro = findObjectProperty(config, 'nitro');
  const nitroOptions = nitro.kind === 'found' && nitro.value ? resolveObjectExpression(nitro.value) : null;
  if (nitroOptions) ruleObjects.push(findObjectProperty(nitroOptions, 'routeRules'));
  const found: NitroCorsRule[] = [];
  let routes: Route[] | null = null;
  for (const rules of ruleObjects) {
    const object = rules.kind === 'found' && rules.value ? resolveObjectExpression(rules.value) : null;
    for (const rule of object?.properties ?? []) {
      if (rule.type !== AST_NODE_TYPES.Property) continue;
      const pattern = rule.computed ? null : propertyName(rule);
      const options = resolveObjectExpression(rule.value);
      if (pattern === null || !options) continue;
      const cors = findObjectProperty(options, 'cors');
      if (cors.kind !== 'found' || !cors.value || staticValue(cors.value)?.value !== true) continue;
      if (setsOwnOrigin(options)) continue;
      routes ??= mcpRoutes(path.dirname(file));
      const matches = new RegExp(`^${globPattern(pattern)}$`, 'u');
      const covered = routes.filter(
        (route) =>
          route.path !== null &&
          matches.test(route.path) &&
          !(trustCredentialChecks && routeIsGuarded(CREDENTIAL_FINDER, route, findRoutes(codeOf(route.node)).apps)),
      );
      if (covered.length > 0) found.push({ property: cors.property, pattern, routes: covered });
    }
  }
  return found;
}

/** The options object the config file exports: `export default defineNitroConfig({ … })`, or the object itself. */
function configObject(program: TSESTree.Program): TSESTree.ObjectExpression | null {
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExportDefaultDeclaration) continue;
    const exported = skipTypeWrappers(resolveExpression(statement.declaration) ?? statement.declaration);
    if (exported.type === AST_NODE_TYPES.ObjectExpression) return exported;
    if (
      exported.type !== AST_NODE_TYPES.CallExpression ||
      exported.callee.type !== AST_NODE_TYPES.Identifier ||
      !CONFIG_MAKERS.has(exported.callee.name)
    )
      return null;
    const [options] = exported.arguments;
    return options && options.type !== AST_NODE_TYPES.SpreadElement ? resolveObjectExpression(options) : null;
  }
  return null;
}

/** Whether a rule's own `headers` name an `Access-Control-Allow-Origin`, which wins over `cors: true`'s `*`. */
function setsOwnOrigin(options: TSESTree.ObjectExpression): boolean {
  const headers = findObjectProperty(options, 'headers');
  if (headers.kind === 'missing') return false;
  const object = headers.kind === 'found' && headers.value ? resolveObjectExpression(headers.value) : null;
  // Headers the file does not show may set one.
  if (!object) return true;
  return object.properties.some(
    (property) =>
      property.type !== AST_NODE_TYPES.Property ||
      property.computed ||
      propertyName(property)?.toLowerCase() === 'access-control-allow-origin',
  );
}

/** A route rule's pattern as a regular expression source: `**` any path, `*` one segment. */
function globPattern(pattern: string): string {
  return pattern
    .split(/(\*\*|\*)/u)
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/gu, '\\$&')))
    .join('');
}

/** The routes of the Nitro file routes beside a config file whose handlers serve MCP. */
function mcpRoutes(root: string): Route[] {
  const routes: Route[] = [];
  const folders = ROUTE_FOLDERS.map((folder) => path.join(root, folder));
  for (const file of sourceModulesUnder(folders, 6, MAX_ROUTE_MODULES)) {
    const program = loadModule(file);
    const made = program && defaultEventHandler(program);
    if (!program || !made || !servesMcp(made.fn)) continue;
    routes.push(...findRoutes(codeOf(program)).routes.filter((route) => route.middlewareDir !== undefined));
  }
  return routes;
}
