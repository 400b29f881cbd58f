import wildcardRule from '../../src/rules/no-wildcard-origin';
import { createRuleTester } from '../rule-tester';

// A NestJS app made only to read its routes (a script that writes the OpenAPI document with
// `SwaggerModule.createDocument(app, config)`, then closes the app) is never served: its `cors`
// option reaches nobody. Once the script starts it (`app.listen(…)`, `app.init()`), it is judged
// as any server.

const ruleTester = createRuleTester();

const SCRIPT = (end: string): string => `import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';

async function generate() {
  const app = await NestFactory.create(AppModule, { cors: true, logger: false });
  const config = new DocumentBuilder().setTitle('API').build();
  const document = SwaggerModule.createDocument(app, config);
  writeFileSync('openapi.json', JSON.stringify(document, null, 2));
  ${end};
}

void generate();
`;

const SERVED = SCRIPT('await app.listen(3000)');

/** SCRIPT whose document a helper of the file makes, with the app handed to it; `helper` is its body. */
const THROUGH_HELPER = (helper: string): string =>
  SCRIPT('await app.close()')
    .replace('SwaggerModule.createDocument(app, config)', 'describe(app, config)')
    .replace(
      'void generate();\n',
      `void generate();\n\nfunction describe(app: INestApplication, config: OpenAPIObject) {\n${helper}\n}\n`,
    )
    .replace(
      "import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';",
      "import type { INestApplication } from '@nestjs/common';\nimport { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';",
    );

const STARTED_BY_HELPER = THROUGH_HELPER(
  '  void app.listen(3000);\n  return SwaggerModule.createDocument(app, config);',
);

ruleTester.run('no-wildcard-origin: a NestJS app that a script never serves', wildcardRule, {
  valid: [
    { name: 'the OpenAPI document written, the app closed', code: SCRIPT('await app.close()') },
    {
      name: 'the app handed to a helper of the file that only reads its routes',
      code: THROUGH_HELPER('  return SwaggerModule.createDocument(app, config);'),
    },
  ],
  invalid: [
    {
      name: 'the app handed to a helper of the file that starts it',
      code: STARTED_BY_HELPER,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: 'NestJS `cors` option without `origin` (default `*`)', credentials: '' },
          line: 8,
          column: 53,
          endLine: 8,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: STARTED_BY_HELPER.replace('cors: true', 'cors: { origin: false }'),
            },
            {
              messageId: 'useAllowlist',
              output: STARTED_BY_HELPER.replace('cors: true', 'cors: { origin: ALLOWED_ORIGINS }').replace(
                "import { AppModule } from './app.module';\n",
                "import { AppModule } from './app.module';\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the same app listening',
      code: SERVED,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: 'NestJS `cors` option without `origin` (default `*`)', credentials: '' },
          line: 7,
          column: 53,
          endLine: 7,
          endColumn: 63,
          suggestions: [
            { messageId: 'denyOrigins', output: SERVED.replace('cors: true', 'cors: { origin: false }') },
            {
              messageId: 'useAllowlist',
              output: SERVED.replace('cors: true', 'cors: { origin: ALLOWED_ORIGINS }').replace(
                "import { AppModule } from './app.module';\n",
                "import { AppModule } from './app.module';\n\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n",
              ),
            },
          ],
        },
      ],
    },
  ],
});
