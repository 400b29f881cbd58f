import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calledMethodName, childAt, skipTypeWrappers } from './ast';
import { programOf, visitorKeys } from './program';

/**
 * An index of the nodes of a module that the analysis looks at, made in one walk when it is
 * first needed and kept as long as the module's tree.
 */

/** The nodes of one module the analysis looks at, gathered in one walk. */
export interface ModuleIndex {
  /** Every call, in source order. */
  readonly calls: readonly TSESTree.CallExpression[];
  /** Calls of a method by its static name: `listen` → `app.listen(…)`, `server.listen(…)`. */
  readonly methodCalls: ReadonlyMap<string, readonly TSESTree.CallExpression[]>;
  readonly news: readonly TSESTree.NewExpression[];
  readonly assignments: readonly TSESTree.AssignmentExpression[];
  readonly ifStatements: readonly TSESTree.IfStatement[];
  readonly forInStatements: readonly TSESTree.ForInStatement[];
  readonly memberExpressions: readonly TSESTree.MemberExpression[];
  readonly variableDeclarators: readonly TSESTree.VariableDeclarator[];
  readonly importExpressions: readonly TSESTree.ImportExpression[];
  /** Properties whose key names a CORS response header: `'Access-Control-Allow-Origin': …`. */
  readonly headerProperties: readonly TSESTree.Property[];
  /** Object literals with a `statusCode` property: `{ statusCode: 200, headers, body }`. */
  readonly statusObjects: readonly TSESTree.ObjectExpression[];
  /** Functions declared with a return type. */
  readonly typedFunctions: readonly (
    TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression
  )[];
  /** Class fields declared with a type. */
  readonly typedFields: readonly TSESTree.PropertyDefinition[];
}

const indexes = new WeakMap<TSESTree.Program, ModuleIndex>();

/** Keys that hold only types: nothing the index gathers is in them. */
const TYPE_KEYS: ReadonlySet<string> = new Set([
  'typeAnnotation',
  'returnType',
  'typeParameters',
  'typeArguments',
  'superTypeArguments',
  'implements',
]);
/** Declarations that are only types. */
const TYPE_DECLARATIONS: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.TSInterfaceDeclaration,
  AST_NODE_TYPES.TSTypeAliasDeclaration,
  AST_NODE_TYPES.TSDeclareFunction,
]);
const codeKeysByType = new Map<string, readonly string[]>();

/** The keys of a node that may hold code. */
function codeKeys(type: string): readonly string[] {
  let keys = codeKeysByType.get(type);
  if (!keys) {
    keys = TYPE_DECLARATIONS.has(type) ? [] : (visitorKeys[type] ?? []).filter((key) => !TYPE_KEYS.has(key));
    codeKeysByType.set(type, keys);
  }
  return keys;
}

/** The index of the module a node belongs to. */
export function moduleIndex(node: TSESTree.Node): ModuleIndex {
  const program = programOf(node);
  let index = indexes.get(program);
  if (!index) {
    index = buildIndex(program);
    indexes.set(program, index);
  }
  return index;
}

function buildIndex(program: TSESTree.Program): ModuleIndex {
  const calls: TSESTree.CallExpression[] = [];
  const methodCalls = new Map<string, TSESTree.CallExpression[]>();
  const news: TSESTree.NewExpression[] = [];
  const assignments: TSESTree.AssignmentExpression[] = [];
  const ifStatements: TSESTree.IfStatement[] = [];
  const forInStatements: TSESTree.ForInStatement[] = [];
  const memberExpressions: TSESTree.MemberExpression[] = [];
  const variableDeclarators: TSESTree.VariableDeclarator[] = [];
  const importExpressions: TSESTree.ImportExpression[] = [];
  const headerProperties: TSESTree.Property[] = [];
  const statusObjects: TSESTree.ObjectExpression[] = [];
  const typedFunctions: (
    TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression
  )[] = [];
  const typedFields: TSESTree.PropertyDefinition[] = [];
  const stack: TSESTree.Node[] = [program];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression: {
        calls.push(node);
        const callee = skipTypeWrappers(node.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          const name =
            !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier
              ? callee.property.name
              : calledMethodName(node);
          if (name !== null) {
            const list = methodCalls.get(name);
            if (list) list.push(node);
            else methodCalls.set(name, [node]);
          }
        }
        break;
      }
      case AST_NODE_TYPES.NewExpression:
        news.push(node);
        break;
      case AST_NODE_TYPES.AssignmentExpression:
        assignments.push(node);
        break;
      case AST_NODE_TYPES.IfStatement:
        ifStatements.push(node);
        break;
      case AST_NODE_TYPES.ForInStatement:
        forInStatements.push(node);
        break;
      case AST_NODE_TYPES.MemberExpression:
        memberExpressions.push(node);
        break;
      case AST_NODE_TYPES.VariableDeclarator:
        variableDeclarators.push(node);
        break;
      case AST_NODE_TYPES.ImportExpression:
        importExpressions.push(node);
        break;
      case AST_NODE_TYPES.Property: {
        const key = node.key;
        const name =
          key.type === AST_NODE_TYPES.Literal
            ? key.value
            : key.type === AST_NODE_TYPES.Identifier && !node.computed
              ? key.name
              : null;
        if (typeof name === 'string' && /^access-control-allow-/iu.test(name)) headerProperties.push(node);
        else if (name === 'statusCode' && node.parent.type === AST_NODE_TYPES.ObjectExpression)
          statusObjects.push(node.parent);
        break;
      }
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
        if (node.returnType) typedFunctions.push(node);
        break;
      case AST_NODE_TYPES.PropertyDefinition:
        if (node.typeAnnotation) typedFields.push(node);
        break;
      default:
        break;
    }
    // Pushed last to first, so that the walk meets the nodes in source order.
    const keys = codeKeys(node.type);
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = childAt(node, keys[k]!);
      if (Array.isArray(child)) {
        for (let index = child.length - 1; index >= 0; index--) {
          const item = child[index];
          if (item && typeof item.type === 'string') stack.push(item);
        }
      } else if (child && typeof child.type === 'string') {
        stack.push(child);
      }
    }
  }
  // The walk meets nodes in source order almost always (decorators and the like aside): sort only then.
  const byPosition = <T extends TSESTree.Node>(list: T[]): T[] => {
    for (let index = 1; index < list.length; index++) {
      if (list[index - 1]!.range[0] > list[index]!.range[0]) return list.sort((a, b) => a.range[0] - b.range[0]);
    }
    return list;
  };
  for (const list of methodCalls.values()) byPosition(list);
  return {
    calls: byPosition(calls),
    methodCalls,
    news: byPosition(news),
    assignments: byPosition(assignments),
    ifStatements: byPosition(ifStatements),
    forInStatements: byPosition(forInStatements),
    memberExpressions: byPosition(memberExpressions),
    variableDeclarators: byPosition(variableDeclarators),
    importExpressions: byPosition(importExpressions),
    headerProperties: byPosition(headerProperties),
    statusObjects: byPosition(statusObjects),
    typedFunctions: byPosition(typedFunctions),
    typedFields: byPosition(typedFields),
  };
}
