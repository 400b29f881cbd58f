import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';
import { NEST_CONTROLLER as CONTROLLER, NEST_CSRF_ERROR, NEST_DNS_ERROR, nestPackages } from '../support/nest';

// NestJS runs the guards an app sets globally before every route: `app.useGlobalGuards(…)` in the
// bootstrap, or `{ provide: APP_GUARD, useClass: … }` among a module's providers. They are read
// from the modules of the controller's package.

const ruleTester = createRuleTester();
const nestPackage = nestPackages();

/** An app module that provides `guard` as an `APP_GUARD`. */
const appGuard = (guard: string): Record<string, string> => ({
  'app.module.ts': `import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ThrottlerGuard } from '@nestjs/throttler';
import { McpController } from './mcp.controller';

class JwtAuthGuard extends AuthGuard('jwt') {}

@Module({ controllers: [McpController], providers: [{ provide: APP_GUARD, useClass: ${guard} }] })
export class AppModule {}
`,
});

const BOOTSTRAP = {
  'main.ts': `import { NestFactory } from '@nestjs/core';
import { ApiKeyGuard } from './api-key.guard';
import { AppModule } from './app.module';

const app = await NestFactory.create(AppModule);
app.useGlobalGuards(new ApiKeyGuard());
await app.listen(3000, '127.0.0.1');
`,
  'api-key.guard.ts': `import { CanActivate, ExecutionContext } from '@nestjs/common';

export class ApiKeyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    return context.switchToHttp().getRequest().headers['x-api-key'] === process.env.API_KEY;
  }
}
`,
};

const jwt = nestPackage(appGuard('JwtAuthGuard'));
const throttled = nestPackage(appGuard('ThrottlerGuard'));
const bootstrapped = nestPackage(BOOTSTRAP);
const none = nestPackage({});

ruleTester.run('require-csrf-token: NestJS global guards', csrfRule, {
  valid: [
    { name: "an APP_GUARD on @nestjs/passport's AuthGuard('jwt')", code: CONTROLLER, filename: jwt },
    { name: 'app.useGlobalGuards() with an API-key guard', code: CONTROLLER, filename: bootstrapped },
  ],
  invalid: [
    ...[
      { name: 'an APP_GUARD that only limits the rate', filename: throttled },
      { name: 'no global guard', filename: none },
    ].map(({ name, filename }) => ({
      name,
      code: CONTROLLER,
      filename,
      errors: [NEST_CSRF_ERROR],
    })),
  ],
});

ruleTester.run('require-dns-rebinding-protection: NestJS global guards', dnsRule, {
  valid: [
    { name: "an APP_GUARD on @nestjs/passport's AuthGuard('jwt')", code: CONTROLLER, filename: jwt },
    { name: 'app.useGlobalGuards() with an API-key guard', code: CONTROLLER, filename: bootstrapped },
  ],
  invalid: [
    {
      name: 'an APP_GUARD that only limits the rate',
      code: CONTROLLER,
      filename: throttled,
      errors: [NEST_DNS_ERROR],
    },
  ],
});
