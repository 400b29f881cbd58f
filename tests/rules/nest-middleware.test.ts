import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';
import { NEST_CONTROLLER as CONTROLLER, NEST_CSRF_ERROR, NEST_DNS_ERROR, nestPackages } from '../support/nest';

// NestJS runs middleware before the routes it is mounted on: `consumer.apply(…).forRoutes(…)` in a
// module's `configure()`, or `app.use(…)` on the app `NestFactory.create()` makes (every route).
// A middleware that refuses a request without a credential is the check both rules look for.

const ruleTester = createRuleTester();
const nestPackage = nestPackages();

/** A middleware class that answers 401 unless the request carries the API key. */
const API_KEY_MIDDLEWARE = `import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

@Injectable()
export class ApiKeyMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction) {
    if (req.headers['x-api-key'] !== process.env.API_KEY) {
      res.status(401).json({ error: 'unauthorized' });
      return;
    }
    next();
  }
}
`;

/** A middleware class that only logs. */
const LOGGER_MIDDLEWARE = `import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

@Injectable()
export class ApiKeyMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction) {
    console.log(req.method, req.url);
    next();
  }
}
`;

/** An app module that mounts the middleware of `api-key.middleware.ts` with `forRoutes(routes)`. */
function mounted(routes: string, middleware = API_KEY_MIDDLEWARE): string {
  return nestPackage({
    'api-key.middleware.ts': middleware,
    'health.controller.ts': `import { Controller, Get } from '@nestjs/common';

@Controller('health')
export class HealthController {
  @Get()
  check() {
    return { ok: true };
  }
}
`,
    'app.module.ts': `import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { ApiKeyMiddleware } from './api-key.middleware';
import { HealthController } from './health.controller';
import { McpController } from './mcp.controller';

@Module({ controllers: [McpController, HealthController] })
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(ApiKeyMiddleware).${routes};
  }
}
`,
  });
}

/** A bootstrap that mounts a function checking a bearer token on the whole app. */
const appUse = nestPackage({
  'main.ts': `import { NestFactory } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { AppModule } from './app.module';

function requireToken(req: Request, res: Response, next: NextFunction) {
  if (req.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) {
    res.status(401).end();
    return;
  }
  next();
}

const app = await NestFactory.create(AppModule);
app.use(requireToken);
await app.listen(3000, '127.0.0.1');
`,
});

const guarding = [
  { name: "forRoutes('mcp')", filename: mounted("forRoutes('mcp')") },
  { name: "forRoutes('*')", filename: mounted("forRoutes('*')") },
  { name: 'forRoutes(McpController)', filename: mounted('forRoutes(McpController)') },
  { name: "exclude('health').forRoutes('*')", filename: mounted("exclude('health').forRoutes('*')") },
  {
    name: "forRoutes({ path: 'mcp', method: RequestMethod.POST })",
    filename: mounted("forRoutes({ path: 'mcp', method: RequestMethod.POST })"),
  },
  { name: 'app.use() of a function in the bootstrap', filename: appUse },
];

const unguarding = [
  { name: 'a middleware that only logs', filename: mounted("forRoutes('*')", LOGGER_MIDDLEWARE) },
  { name: "forRoutes('health')", filename: mounted("forRoutes('health')") },
  { name: "forRoutes('health/*'), a wildcard under another path", filename: mounted("forRoutes('health/*')") },
  { name: "exclude('mcp').forRoutes('*')", filename: mounted("exclude('mcp').forRoutes('*')") },
  { name: 'forRoutes(HealthController)', filename: mounted('forRoutes(HealthController)') },
  {
    name: "forRoutes({ path: 'mcp', method: RequestMethod.GET })",
    filename: mounted("forRoutes({ path: 'mcp', method: RequestMethod.GET })"),
  },
];

ruleTester.run('require-csrf-token: NestJS middleware', csrfRule, {
  valid: guarding.map(({ name, filename }) => ({ name, code: CONTROLLER, filename })),
  invalid: unguarding.map(({ name, filename }) => ({ name, code: CONTROLLER, filename, errors: [NEST_CSRF_ERROR] })),
});

ruleTester.run('require-dns-rebinding-protection: NestJS middleware', dnsRule, {
  valid: guarding.map(({ name, filename }) => ({ name, code: CONTROLLER, filename })),
  invalid: unguarding.map(({ name, filename }) => ({ name, code: CONTROLLER, filename, errors: [NEST_DNS_ERROR] })),
});
