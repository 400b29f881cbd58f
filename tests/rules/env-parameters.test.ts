import envRule from '../../src/rules/no-env-allowed-origins';
import { createRuleTester } from '../rule-tester';

// A Worker's `fetch(request, env)` is handed the environment as its second parameter, and a
// factory (`createApp(env)`) or a Durable Object (`constructor(ctx, env)`) as its first or second.
// A later parameter that happens to be named `env` is a callback's own: markdown-it's render rules
// are called with `(tokens, index, options, env, self)`, whose `env` is the render's data.

const ruleTester = createRuleTester();

const WORKER = `import { corsHeaders } from './cors';

export default {
  async fetch(request: Request, env: { ALLOWED_ORIGINS: string }): Promise<Response> {
    return new Response('ok', { headers: corsHeaders(request, env.ALLOWED_ORIGINS) });
  },
};
`;

ruleTester.run('no-env-allowed-origins: a parameter named env that is no environment', envRule, {
  valid: [
    {
      name: "markdown-it's render rule",
      code: `import MarkdownIt from 'markdown-it';
import { normalizeLink } from './links';

const md = new MarkdownIt();
const previous = md.renderer.rules.image!;
md.renderer.rules.image = (tokens, index, options, env, self) => {
  const documentUri = env.originUri;
  const source = tokens[index]!.attrGet('src') ?? '';
  tokens[index]!.attrSet('src', normalizeLink(documentUri, source));
  return previous(tokens, index, options, env, self);
};
export default md;`,
    },
  ],
  invalid: [
    {
      name: "a Worker's second parameter",
      code: WORKER,
      errors: [
        {
          messageId: 'envOriginsLeaveFile',
          data: { name: '`ALLOWED_ORIGINS`' },
          line: 5,
          column: 63,
          endLine: 5,
          endColumn: 82,
          suggestions: [
            {
              messageId: 'useEmptyAllowlist',
              output: WORKER.replace(
                'env.ALLOWED_ORIGINS)',
                "'' /* was env ALLOWED_ORIGINS: list the allowed origins here */)",
              ),
            },
            {
              messageId: 'useConstantAllowlist',
              output: WORKER.replace('env.ALLOWED_ORIGINS)', "'https://app.example.com')"),
            },
          ],
        },
      ],
    },
  ],
});
