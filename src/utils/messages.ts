import type { TSESTree } from '@typescript-eslint/utils';
import type { ReportDescriptor, RuleContext } from '@typescript-eslint/utils/ts-eslint';
import { preflightOnly } from '../analysis/preflight';
/** The clause a finding gets when credentials are allowed beside the permissive origin. */
export function credentialsClause(credentials: boolean): string {
  return credentials ? ', credentials included' : '';
}

/**
 * A `context.report` that reports a policy written only on preflight answers (`preflightOnly`)
 * with `messageId` instead of `read`: it lets pages send, not read.
 */
export function preflightAwareReport<MessageIds extends string, Options extends readonly unknown[]>(
  context: Readonly<RuleContext<MessageIds, Options>>,
  { read, messageId }: { readonly read: MessageIds; readonly messageId: MessageIds },
): (descriptor: ReportDescriptor<MessageIds>) => void {
  return (descriptor) =>
    context.report(
      descriptor.messageId === read && 'node' in descriptor && preflightOnly(descriptor.node as TSESTree.Node)
        ? { ...descriptor, messageId }
        : descriptor,
    );
}
