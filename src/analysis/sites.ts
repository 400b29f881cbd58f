import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { containsNode } from './ast';
import { isLinted, propertyName } from './program';
import { possibleValues, type PossibleValue } from './values';

/** Where a finding about values that reach a sink goes, and the values it is about. */
export interface ValueSite {
  /** A node of the linted file: the sink, or the value where the file writes it. */
  readonly node: TSESTree.Node;
  readonly values: readonly PossibleValue[];
  /** Whether the values are written in the sink's own expression. */
  readonly inline: boolean;
  /**
   * A value written in another module, or written nowhere (an option with no default): the
   * message names where, and no fix can reach it.
   */
  readonly foreign: PossibleValue | null;
}

/**
 * Where to report values that reach a sink (a host that `listen()` binds, an origin a header
 * sends): at the sink when the values are written in its own expression; at each value where
 * the linted file writes it elsewhere (a constant, a parameter's default: where the fix goes,
 * reported once however many sinks it reaches); and at the sink, naming the place, when another
 * module writes it or nothing does (`undefined` from an option declared with no default: the
 * declaration is not where the host or origin is handed over).
 */
export function valueSites(
  sink: TSESTree.Node,
  expression: TSESTree.Node,
  values: readonly PossibleValue[],
): ValueSite[] {
  const sites: ValueSite[] = [];
  const inline = values.filter((value) => containsNode(expression, value.node));
  if (inline.length > 0) sites.push({ node: sink, values: inline, inline: true, foreign: null });
  for (const value of values) {
    if (containsNode(expression, value.node)) continue;
    if (isLinted(value.node) && !(value.known && value.absent)) {
      sites.push({ node: value.node, values: [value], inline: false, foreign: null });
    } else if (!sites.some((site) => site.foreign !== null)) {
      sites.push({ node: sink, values: [value], inline: false, foreign: value });
    }
  }
  return sites;
}

/**
 * Where a finding about an origin that credentials make worse goes, when the two are written in
 * one object on different lines: from the first to the last, so that the report shows both.
 * `null` when there is no such pair.
 */
export function credentialsSpan(node: TSESTree.Node): TSESTree.SourceLocation | null {
  const property = node.type === AST_NODE_TYPES.Property ? node : node.parent;
  const object = property?.type === AST_NODE_TYPES.Property ? property.parent : null;
  if (object?.type !== AST_NODE_TYPES.ObjectExpression || !isLinted(object)) return null;
  const credentials = object.properties.find(
    (candidate): candidate is TSESTree.Property =>
      candidate.type === AST_NODE_TYPES.Property &&
      propertyName(candidate) === 'credentials' &&
      possibleValues(candidate.value).some((value) => value.known && (value.value === true || value.value === 'true')),
  );
  // On one line the finding shows both already.
  if (!credentials || credentials === property || credentials.loc.start.line === node.loc.start.line) return null;
  const [first, last] = credentials.range[0] < node.range[0] ? [credentials, node] : [node, credentials];
  return { start: first.loc.start, end: last.loc.end };
}
