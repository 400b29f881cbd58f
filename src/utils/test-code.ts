import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { exportedNamesOf } from '../analysis/exports';
import { mayHoldEntities } from '../analysis/facts';
import { findRoutes } from '../analysis/routes';
import { ephemeralTestStart, inTest, inTestHelper, serverStarts } from '../analysis/servers';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * The rule's context, with reports on a test's code dropped when the only servers the file starts
 * are a test's on a port the system picks (`ephemeralTestStart`: `await app.listen(0)` in
 * `beforeAll(…)`, `Bun.serve({ port: 0, fetch })` in a test module, or in a test helper module
 * that only tests import, each calling it with port 0 or none where that is the default): they live
 * as long as the test, on a port no page can know ahead. A test that starts a server on a fixed
 * port stays reported.
 */
export function outsideEphemeralTests<Context extends AnyContext>(context: Context): Context {
  let ephemeral: boolean | undefined;
  return keepingReports(context, (descriptor) => {
    if (!('node' in descriptor) || !descriptor.node) return true;
    // (Asked first: a file that starts a server on a fixed port, or starts none but may answer
    // requests, keeps its reports without the look at who imports it.)
    if (ephemeral === undefined) {
      const starts = serverStarts(context.sourceCode);
      ephemeral = starts.length > 0 ? starts.every(ephemeralTestStart) : servesNothing(context.sourceCode);
    }
    if (!ephemeral) return true;
    // A test's code, or a test helper module's that only tests import (`startTestServer(server, port = 0)`).
    const node = descriptor.node as TSESTree.Node;
    return !inTest(node) && !inTestHelper(node);
  });
}

/**
 * Whether a module can answer no request: it starts no server, makes no app or router, gives no
 * server a handler, and exports nothing that another module could serve (a unit test of a
 * header helper, writing `*` on a fake response object it built itself).
 */
function servesNothing(sourceCode: Readonly<SourceCode>): boolean {
  return (
    exportedNamesOf(sourceCode.ast).length === 0 &&
    !mayHoldEntities(sourceCode, 'handler-server') &&
    findRoutes(sourceCode).apps.length === 0
  );
}

/** The rule's context, with only the reports that `keep` says yes to passed on to ESLint. */
export function keepingReports<Context extends AnyContext>(
  context: Context,
  keep: (descriptor: TSESLint.ReportDescriptor<string>) => boolean,
): Context {
  const report = (descriptor: TSESLint.ReportDescriptor<string>): void => {
    if (keep(descriptor)) context.report(descriptor);
  };
  return Object.create(context, { report: { value: report } }) as Context;
}
