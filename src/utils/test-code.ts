import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ephemeralTestStart, inTest, serverStarts } from '../analysis/servers';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * The rule's context, with reports on a test's code dropped when the only servers the file starts
 * are a test's on a port the system picks (`ephemeralTestStart`: `await app.listen(0)` in
 * `beforeAll(…)`, `Bun.serve({ port: 0, fetch })` in a test module): they live as long as the test,
 * on a port no page can know ahead. A test that starts a server on a fixed port stays reported.
 */
export function outsideEphemeralTests<Context extends AnyContext>(context: Context): Context {
  let ephemeral: boolean | undefined;
  const report = (descriptor: TSESLint.ReportDescriptor<string>): void => {
    if ('node' in descriptor && descriptor.node && inTest(descriptor.node as TSESTree.Node)) {
      if (ephemeral === undefined) {
        const starts = serverStarts(context.sourceCode);
        ephemeral = starts.length > 0 && starts.every(ephemeralTestStart);
      }
      if (ephemeral) return;
    }
    context.report(descriptor);
  };
  return Object.create(context, { report: { value: report } }) as Context;
}
