import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { CORS_MIDDLEWARES } from '../frameworks/cors-packages';
import type { CorsMiddleware } from '../frameworks/types';
import type { ExternalRef } from './exports';
import { importedValue } from './exports';
import { moduleFilterFor, moduleIndex } from './facts';
import { MENTIONS_ORIGIN_OR_CORS, mentionsAny } from './imports';
import { variableOf } from './program';
import { externalRefOf, returnedExpressions } from './values';

/**
 * Values that TypeScript code declares to be a CORS middleware's options or `origin`, before any
 * middleware sees them: `const corsConfig: CorsOptions = { … }` exported for another module, a
 * function typed to return `CorsOptions['origin']`, a field of that type. Their type says what
 * they are where they are written, so they are judged there.
 */

/** What a type names: a CORS middleware's whole options, or its `origin` option. */
export interface CorsType {
  readonly middleware: CorsMiddleware;
  readonly part: 'options' | 'origin';
}

const MAX_DEPTH = 8;
/** The modules of the project whose imports reach a CORS package: only they can hold its types. */
const REACHES_CORS_PACKAGE = moduleFilterFor('cors');

/** The CORS type a type annotation names, through aliases, imports, `Parameters<typeof cors>[0]` and `X['origin']`. */
export function corsTypeOf(type: TSESTree.TypeNode | undefined, depth = 0): CorsType | null {
  if (!type || depth > MAX_DEPTH) return null;
  switch (type.type) {
    case AST_NODE_TYPES.TSTypeReference: {
      const { typeName } = type;
      if (typeName.type === AST_NODE_TYPES.TSQualifiedName) {
        // `cors.CorsOptions`
        const ref = typeName.left.type === AST_NODE_TYPES.Identifier ? externalRefOf(typeName.left) : null;
        return ref ? optionsType(ref, typeName.right.name) : null;
      }
      if (typeName.type !== AST_NODE_TYPES.Identifier) return null;
      if (typeName.name === 'NonNullable' || typeName.name === 'Required' || typeName.name === 'Partial') {
        return corsTypeOf(type.typeArguments?.params[0], depth + 1);
      }
      const def = variableOf(typeName)?.defs[0];
      if (def?.type === 'ImportBinding') {
        // A CORS package's type, or an alias of one: only modules that reach a CORS package hold it.
        const imported = importedValue(typeName, REACHES_CORS_PACKAGE);
        if (imported?.kind === 'external') {
          const names = imported.ref.names;
          return optionsType({ module: imported.ref.module, names: names.slice(0, -1) }, names.at(-1) ?? '');
        }
        if (imported?.kind === 'node' && imported.node.type === AST_NODE_TYPES.Identifier) {
          const alias = variableOf(imported.node)?.defs[0];
          return alias?.type === 'Type' && alias.node.type === AST_NODE_TYPES.TSTypeAliasDeclaration
            ? corsTypeOf(alias.node.typeAnnotation, depth + 1)
            : null;
        }
        return null;
      }
      if (def?.type === 'Type' && def.node.type === AST_NODE_TYPES.TSTypeAliasDeclaration) {
        return corsTypeOf(def.node.typeAnnotation, depth + 1);
      }
      return null;
    }
    case AST_NODE_TYPES.TSIndexedAccessType: {
      const index = type.indexType.type === AST_NODE_TYPES.TSLiteralType ? type.indexType.literal : null;
      const key = index && index.type === AST_NODE_TYPES.Literal ? index.value : null;
      // `Parameters<typeof cors>[0]`
      const { objectType } = type;
      if (
        key === 0 &&
        objectType.type === AST_NODE_TYPES.TSTypeReference &&
        objectType.typeName.type === AST_NODE_TYPES.Identifier &&
        objectType.typeName.name === 'Parameters'
      ) {
        const query = objectType.typeArguments?.params[0];
        if (query?.type !== AST_NODE_TYPES.TSTypeQuery || query.exprName.type !== AST_NODE_TYPES.Identifier)
          return null;
        const ref = externalRefOf(query.exprName);
        const middleware = ref ? corsFactory(ref) : null;
        return middleware ? { middleware, part: 'options' } : null;
      }
      // `CorsOptions['origin']`
      if (key === 'origin') {
        const options = corsTypeOf(objectType, depth + 1);
        return options?.part === 'options' ? { middleware: options.middleware, part: 'origin' } : null;
      }
      return null;
    }
    default:
      return null;
  }
}

/** The middleware whose options type `name` is, exported by the module `ref` names. */
function optionsType(ref: ExternalRef, name: string): CorsType | null {
  const middleware = CORS_MIDDLEWARES.find(
    (candidate) => candidate.module === ref.module.replace(/^node:/u, '') && candidate.optionsTypes.includes(name),
  );
  return middleware ? { middleware, part: 'options' } : null;
}

/** The middleware a reference names as its factory: `cors` of `hono/cors`, the default of `cors`. */
function corsFactory(ref: ExternalRef): CorsMiddleware | null {
  const names = ref.names.filter((name) => name !== 'default');
  return (
    CORS_MIDDLEWARES.find(
      (middleware) =>
        middleware.module === ref.module && (names.length === 0 || names[0] === 'cors' || names[0] === 'fastifyCors'),
    ) ?? null
  );
}

/** An options object, or an `origin` value, written where its type says what it is. */
export type TypedCorsValue =
  | {
      readonly part: 'options';
      readonly middleware: CorsMiddleware;
      readonly object: TSESTree.ObjectExpression;
      readonly site: TSESTree.Node;
    }
  | {
      readonly part: 'origin';
      readonly middleware: CorsMiddleware;
      readonly value: TSESTree.Node;
      readonly site: TSESTree.Node;
    };

const byProgram = new WeakMap<TSESTree.Program, readonly TypedCorsValue[]>();

/**
 * The values the linted file declares to be CORS options or `origin` values: annotated
 * variables and fields with what they are given, and what annotated functions return.
 */
export function typedCorsValues(sourceCode: Readonly<SourceCode>): readonly TypedCorsValue[] {
  let found = byProgram.get(sourceCode.ast);
  if (found) return found;
  found = mentionsAny(sourceCode, MENTIONS_ORIGIN_OR_CORS) ? findTypedValues(sourceCode) : [];
  byProgram.set(sourceCode.ast, found);
  return found;
}

function findTypedValues(sourceCode: Readonly<SourceCode>): TypedCorsValue[] {
  const values: TypedCorsValue[] = [];
  const add = (type: CorsType | null, value: TSESTree.Node | null | undefined, site: TSESTree.Node): void => {
    if (!type || !value) return;
    if (type.part === 'options') {
      if (value.type === AST_NODE_TYPES.ObjectExpression)
        values.push({ part: 'options', middleware: type.middleware, object: value, site: value });
    } else {
      values.push({ part: 'origin', middleware: type.middleware, value, site });
    }
  };
  const index = moduleIndex(sourceCode.ast);
  for (const declarator of index.variableDeclarators) {
    if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.id.typeAnnotation) continue;
    add(corsTypeOf(declarator.id.typeAnnotation.typeAnnotation), declarator.init, declarator.init ?? declarator);
  }
  const classFields = new Map<string, CorsType>();
  for (const field of index.typedFields) {
    const type = corsTypeOf(field.typeAnnotation!.typeAnnotation);
    if (type && field.key.type === AST_NODE_TYPES.Identifier) {
      classFields.set(field.key.name, type);
      add(type, field.value, field.value ?? field);
    }
  }
  for (const fn of index.typedFunctions) {
    const type = corsTypeOf(fn.returnType!.typeAnnotation);
    if (type) for (const returned of returnedExpressions(fn)) add(type, returned, returned);
  }
  // `this.corsOrigin = …` of a field declared with an origin type.
  for (const assignment of index.assignments) {
    const target = assignment.left;
    if (
      target.type === AST_NODE_TYPES.MemberExpression &&
      target.object.type === AST_NODE_TYPES.ThisExpression &&
      target.property.type === AST_NODE_TYPES.Identifier
    ) {
      add(classFields.get(target.property.name) ?? null, assignment.right, assignment.right);
    }
  }
  return values;
}
