import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import type { TSESLint } from '@typescript-eslint/utils';

/**
 * Fixes that close a hole by refusing something (every origin, every request without a token,
 * every host but loopback) can stop a client that works today: only the owner knows which
 * origins, tokens and hosts are legitimate. Such a fix is offered as the first suggestion, titled
 * by its message; the rule option `failClosedFix` (and the `fail-closed` config) applies it as
 * an autofix instead. Fixes that cannot stop a legitimate client stay autofixes.
 */

/** A fix function marked as fail-closed, with the message that titles it as a suggestion. */
export interface FailClosedFix extends TSESLint.ReportFixFunction {
  readonly failClosedTitle: string;
  readonly failClosedData: Record<string, string> | undefined;
}

/**
 * Marks a fix as fail-closed: a suggestion titled by `messageId` (filled with `data`, else the
 * report's) unless the user opts into applying it.
 */
export function failClosed(suggestion: {
  readonly messageId: string;
  readonly data?: Record<string, string>;
  readonly fix: TSESLint.ReportFixFunction;
}): FailClosedFix {
  const { messageId, data, fix } = suggestion;
  return Object.assign((fixer: TSESLint.RuleFixer) => fix(fixer), { failClosedTitle: messageId, failClosedData: data });
}

export function isFailClosed(fix: unknown): fix is FailClosedFix {
  return typeof fix === 'function' && typeof (fix as Partial<FailClosedFix>).failClosedTitle === 'string';
}

export interface FailClosedOption {
  failClosedFix?: boolean;
}

export const FAIL_CLOSED_SCHEMA: Record<keyof FailClosedOption, JSONSchema4> = {
  failClosedFix: {
    type: 'boolean',
    description:
      'Apply the fail-closed change (deny the origin, require the token, bind loopback) as an autofix; by default it is the first suggestion, as it can stop a client that works today.',
  },
};
