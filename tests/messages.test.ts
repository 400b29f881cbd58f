import { describe, expect, it } from 'vitest';
import { rules } from '../src/rules';

// Every message is one short sentence: what is wrong and its consequence, with the specifics in
// `{{placeholders}}` and the explanation in the rule's doc. A suggestion's title is a short command.

const PLACEHOLDER = /\{\{\s*\w+\s*\}\}/gu;
/** A suggestion's message id starts with the verb of its command: `useAllowlist`, `denyOrigins`. */
const SUGGESTION_ID = /^(?:use|deny|check|remove|require|enable|validate|refuse|add|match|keep)[A-Z]/u;

const messages = Object.entries(rules).flatMap(([ruleId, rule]) =>
  Object.entries(rule.meta.messages as Record<string, string>).map(([messageId, template]) => ({
    name: `${ruleId}/${messageId}`,
    messageId,
    template,
    bare: template.replace(PLACEHOLDER, ''),
  })),
);
const suggestions = messages.filter((message) => SUGGESTION_ID.test(message.messageId));
const reports = messages.filter((message) => !SUGGESTION_ID.test(message.messageId));

describe('rule messages', () => {
  it('finds the messages of every rule, reports and suggestions both', () => {
    const ruleIds = new Set(messages.map((message) => message.name.split('/')[0]));
    expect([...ruleIds].sort()).toEqual(Object.keys(rules).sort());
    expect(reports.length).toBeGreaterThanOrEqual(Object.keys(rules).length);
    expect(suggestions.map((message) => message.messageId)).toEqual(
      expect.arrayContaining(['denyOrigins', 'useIpv4Loopback', 'requireTokenHeader', 'matchWholeHost']),
    );
  });

  it.each(messages)('$name is at most 100 characters without its placeholders', ({ bare }) => {
    expect(bare.length).toBeLessThanOrEqual(100);
  });

  it.each(messages)('$name is one sentence', ({ template }) => {
    expect(template).not.toMatch(/[.!?]\s+[A-Z]/u);
    expect(template).toMatch(/\.$/u);
    expect(template.slice(0, -1)).not.toMatch(/\.$/u);
  });

  it.each(suggestions)('$name is a title of at most 60 characters, one sentence ending in a period', ({ bare }) => {
    expect(bare.length).toBeLessThanOrEqual(60);
    expect(bare).toMatch(/^[A-Z][^\n]*\.$/u);
    expect(bare.slice(0, -1)).not.toMatch(/[.!?](?:\s|$)/u);
  });
});
