import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer, SourceCode } from '@typescript-eslint/utils/ts-eslint';
import type { ConfiguredTransport } from '../analysis/configured-servers';
import { isLinted } from '../analysis/program';
import { PLACEHOLDER_ORIGIN, arrayAllowlist, ensureModuleDeclarations } from './constants';
import { appendObjectProperty, replacePropertyValue } from './edits';
import { findObjectProperty } from '../analysis/values';

/**
 * The fail-closed change for a transport configured at construction (mcp-framework): refuse every
 * origin but those of a constant allowlist, `cors.allowedOrigins`, whose placeholder matches no
 * real client. `null` where the installed version has no such option, the options are not the
 * file's own, or no allowlist name is free.
 */
export function originAllowlistFix(
  sourceCode: Readonly<SourceCode>,
  transport: ConfiguredTransport,
  typescript: boolean,
): ((fixer: RuleFixer) => RuleFix[] | null) | null {
  const { cors, options, config } = transport;
  if (!transport.hasOriginList || transport.optionsUnknown || !isLinted(config)) return null;
  if (cors && !isLinted(cors)) return null;
  if (options && !isLinted(options)) return null;
  const allowlist = arrayAllowlist(sourceCode, transport.construction, [PLACEHOLDER_ORIGIN], typescript);
  if (!allowlist) return null;
  // `allowedOrigins: []` allows every origin: the list takes its place.
  const existing = cors ? findObjectProperty(cors, 'allowedOrigins') : null;
  if (existing?.kind === 'found') {
    const { property } = existing;
    if (!isLinted(property)) return null;
    return (fixer) => [
      ...ensureModuleDeclarations(fixer, sourceCode, transport.construction, allowlist.declarations),
      replacePropertyValue(fixer, sourceCode, property, allowlist.name),
    ];
  }
  if (existing?.kind === 'unknown') return null;
  const property = `allowedOrigins: ${allowlist.name}`;
  const [target, text]: [TSESTree.ObjectExpression, string] = cors
    ? [cors, property]
    : options
      ? [options, `cors: { ${property} }`]
      : [config, `options: { cors: { ${property} } }`];
  return (fixer) => [
    ...ensureModuleDeclarations(fixer, sourceCode, transport.construction, allowlist.declarations),
    appendObjectProperty(fixer, sourceCode, target, text),
  ];
}
