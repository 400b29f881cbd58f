import type { TSESLint } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { DEFAULT_PUBLIC_PATHS, type ReachOptions } from '../analysis/reach';
import { keepingReports } from './test-code';

/** The options of the rules that judge a CORS policy by what it reaches, with the same names everywhere. */
export interface ReachRuleOptions {
  publicPaths?: string[];
  trustCredentialChecks?: boolean;
  trustRemoteDeployments?: boolean;
}

export const REACH_OPTION_SCHEMA: Record<keyof ReachRuleOptions, JSONSchema4> = {
  publicPaths: {
    type: 'array',
    items: { type: 'string', pattern: '^/' },
    uniqueItems: true,
    description:
      'Paths of public, read-only metadata that any site may read (a trailing `*` matches the rest of the path); they replace the default list.',
  },
  trustCredentialChecks: {
    type: 'boolean',
    description:
      'Leave a permissive policy alone when every endpoint it reaches refuses requests without a bearer token or custom-header credential and credentials are not allowed. `false` in `strict`.',
  },
  trustRemoteDeployments: {
    type: 'boolean',
    description:
      'Leave a permissive policy without credentials alone in a package deployed as a Cloudflare Worker, which anyone can reach without a browser. `false` in `strict`.',
  },
};

export const REACH_DEFAULTS: Required<ReachRuleOptions> = {
  publicPaths: [...DEFAULT_PUBLIC_PATHS],
  trustCredentialChecks: true,
  trustRemoteDeployments: true,
};

export function reachOptions(options: ReachRuleOptions | undefined): ReachOptions {
  return {
    publicPaths: options?.publicPaths ?? REACH_DEFAULTS.publicPaths,
    trustCredentialChecks: options?.trustCredentialChecks ?? REACH_DEFAULTS.trustCredentialChecks,
    trustRemoteDeployments: options?.trustRemoteDeployments ?? REACH_DEFAULTS.trustRemoteDeployments,
  };
}

/**
 * The rule's context, with every report dropped when `silent()` says so. It is asked at the first
 * report, not up front: most files report nothing, and a reason to stay quiet (`deployedRemotely`
 * reads the modules that import the file) is then never worked out for them.
 */
export function quietWhen<Context extends Readonly<TSESLint.RuleContext<string, readonly unknown[]>>>(
  context: Context,
  silent: () => boolean,
): Context {
  let quiet: boolean | undefined;
  return keepingReports(context, () => !(quiet ??= silent()));
}
