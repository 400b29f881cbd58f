import { CALL, type Adapter } from './types';

/**
 * Libraries that read who is signed in from what the browser sends by itself, or from a bearer
 * token it does not.
 *
 * Cookies ride on a request a page of another site forges, so a check that accepts one is no
 * check against it (docs/threat-model.md):
 * - Next.js 15 `cookies()` of `next/headers` (also 13–14, synchronous) reads the request's cookies.
 * - NextAuth 4 `getServerSession(…authOptions)` of `next-auth` and `next-auth/next` reads its
 *   session cookie (`next-auth.session-token`).
 * - iron-session 8 `getIronSession(req, res, options)` (or `(cookies(), options)`) unseals its cookie.
 * - Hono 4 `getCookie(c, name)` and `getSignedCookie(c, secret, name)` of `hono/cookie`.
 *
 * better-auth 1.3 `betterAuth(options)` makes an instance whose `api.getSession({ headers })` reads
 * its session cookie, and, with the `mcp()` plugin, whose `api.getMcpSession({ headers })` takes
 * only `Authorization: Bearer <access token>`, looks the token up, and answers `null` without one
 * (src/plugins/mcp/index.ts, the `/mcp/get-session` endpoint): a refusal on `null` is a bearer check.
 * Its `withMcpAuth(auth, handler)` of `better-auth/plugins` (the same file) wraps a web handler:
 * it asks `getMcpSession` and answers 401 with `WWW-Authenticate` when there is none, so the
 * handler it returns runs only for a request with a token the server issued.
 */
export const sessionsAdapter: Adapter = {
  name: 'sessions',
  modules: {
    'next/headers': { cookies: { [CALL]: [{ kind: 'cookie-read' }] } },
    'next-auth': { getServerSession: { [CALL]: [{ kind: 'cookie-read' }] } },
    'next-auth/next': { getServerSession: { [CALL]: [{ kind: 'cookie-read' }] } },
    'iron-session': { getIronSession: { [CALL]: [{ kind: 'cookie-read' }] } },
    'hono/cookie': {
      getCookie: { [CALL]: [{ kind: 'cookie-read' }] },
      getSignedCookie: { [CALL]: [{ kind: 'cookie-read' }] },
    },
    'better-auth/plugins': { withMcpAuth: { [CALL]: [{ kind: 'auth', auth: 'middleware' }] } },
    'better-auth/plugins/mcp': { withMcpAuth: { [CALL]: [{ kind: 'auth', auth: 'middleware' }] } },
    'better-auth': {
      betterAuth: {
        [CALL]: [
          { kind: 'auth-instance', cookieSession: ['api', 'getSession'], bearerSession: ['api', 'getMcpSession'] },
        ],
      },
    },
  },
};
