/**
 * What a text test or a regular expression lets through when it is used to decide whether an
 * origin is trusted, and how to rewrite it so that it matches whole hosts.
 *
 * An Origin header, as a browser sends it, is `scheme://host[:port]`: no user, no path, no query,
 * the host in lower case. So a suffix that starts with a dot, or a prefix that runs up to the
 * port's colon, pins the host at a label boundary; one that stops in the middle of a label does
 * not, and a site whose name merely starts or ends with the same letters passes. Everything
 * here is pure text: the rules decide where a test is an origin test.
 */

/**
 * What a test is applied to: the whole origin (`https://app.example.com:8443`), or a parsed
 * URL's `host` (`app.example.com:8443`) or `hostname` (`app.example.com`).
 */
export type MatchSubject = 'origin' | 'host' | 'hostname';

/** A test of a piece of text against the subject: `startsWith`, `endsWith`, `includes`. */
export type TextMatch = 'prefix' | 'suffix' | 'substring';

/** A site anyone can register, to show what gets through. */
const ATTACKER_DOMAIN = 'evil.com';

const LABEL = '[a-z\\d](?:[a-z\\d-]*[a-z\\d])?';
const COMPLETE_HOST = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`, 'iu');
const SCHEME = /^[a-z][a-z\d+.-]*:$/iu;

/**
 * A name with at least two labels whose last label is not a number: one that someone registers.
 * (A URL parser reads a host that ends in a number as an IPv4 address, and rejects it if it is not one.)
 */
function isDomainName(host: string): boolean {
  return host.includes('.') && /^[a-z\d-][a-z\d.-]*$/iu.test(host) && !/(?:^|\.)(?:\d+|0x[\da-f]*)\.?$/iu.test(host);
}

function lastLabel(host: string): string {
  return host.slice(host.lastIndexOf('.') + 1);
}

/**
 * Suffixes under which anyone can get a name of their own, beyond the top-level domains: the
 * common second levels of country domains (`co.uk`, `com.au`), and hosting platforms that give
 * every user a subdomain. A short stand-in for the Public Suffix List.
 */
const SHARED_SUFFIX =
  /\.(?:(?:co|com|net|org|gov|edu|ac|or|ne|go|gob|ltd|plc|sch)\.[a-z]{2}|github\.io|vercel\.app|netlify\.app|pages\.dev|workers\.dev|herokuapp\.com|onrender\.com|fly\.dev|web\.app|firebaseapp\.com|appspot\.com|azurewebsites\.net|cloudfront\.net|amplifyapp\.com|ngrok\.io|ngrok-free\.app|glitch\.me)$/iu;

/**
 * The name someone registers to own a host: `example.com` for `app.example.com`, `example.co.uk`
 * for `www.example.co.uk`.
 */
function registeredName(host: string): string {
  const labels = host.split('.');
  return labels.slice(SHARED_SUFFIX.test(`.${host}`) && labels.length > 2 ? -3 : -2).join('.');
}

/**
 * Whether a host that a loose test lets in belongs to someone other than the one meant:
 * `evilexample.com` for `example.com` does, `evilapp.example.com` for `app.example.com` does not
 * (it is still under `example.com`), nor does `examplexcom`, which nobody can register.
 */
function reachesAnotherSite(reached: string, meant: string): boolean {
  return (
    isDomainName(reached) &&
    lastLabel(reached) === lastLabel(meant) &&
    registeredName(reached) !== registeredName(meant)
  );
}

/** Top-level names nobody registers: the machine itself (RFC 6761), and names kept for local networks and tests. */
const LOCAL_TOP_LEVEL = /^(?:localhost|local|localdomain|internal|lan|home|test|example|invalid|arpa)$/iu;

/**
 * Whether whoever picks a label owns the host it makes (`hostFor(label)`): the label is part of
 * the name someone registers, as right under a top-level domain or under a hosting platform that
 * gives every user a subdomain (`<label>.workers.dev`), not under a name someone already owns
 * (`<label>.example.com`).
 */
function labelPicksOwner(
  hostFor: (label: string) => string,
  labels: readonly [string, string] = ['evil', 'other'],
): boolean {
  const [mine, theirs] = labels.map(hostFor) as [string, string];
  return (
    isDomainName(mine) && !LOCAL_TOP_LEVEL.test(lastLabel(mine)) && registeredName(mine) !== registeredName(theirs)
  );
}

/** A whole host name, `localhost`, `app.example.com` or `127.0.0.1`, not a piece of one. */
function isCompleteHost(host: string): boolean {
  return COMPLETE_HOST.test(host);
}

/**
 * Whether a text is an origin as a browser sends it, `scheme://host[:port]`: a name or an IPv6
 * address for the host, digits for the port, and no user, path, query or fragment (the
 * serialization of an origin, RFC 6454 section 6.1, which the Fetch standard's `Origin` header carries).
 */
function isOriginText(text: string): boolean {
  return /^[a-z][a-z\d+.-]*:\/\/(?:\[[\da-f:.]+\]|[a-z\d](?:[a-z\d_.-]*[a-z\d])?)(?::\d{1,5})?$/iu.test(text);
}

/** What a test of `subject` sees of an origin a browser can send, or `null` when it is no such origin. */
function testedPart(example: string, subject: MatchSubject): string | null {
  if (!isOriginText(example)) return null;
  if (subject === 'origin') return example;
  try {
    const url = new URL(example);
    return subject === 'host' ? url.host : url.hostname;
  } catch {
    return null;
  }
}

/** `https://` and the rest, to turn a host into an origin for an example. */
function asOrigin(hostAndPort: string): string {
  return `https://${hostAndPort}`;
}

/** The host with `evil.com` after it: `localhost` → `localhost.evil.com`. */
function extended(text: string): string {
  return text.endsWith('.') ? `${text}${ATTACKER_DOMAIN}` : `${text}.${ATTACKER_DOMAIN}`;
}

/**
 * An origin that passes `subject.startsWith(text)` (`prefix`), `.endsWith(text)` (`suffix`) or
 * `.includes(text)` (`substring`) although nobody meant it to, and that anyone can set up; or
 * `null` when the test pins the host at label boundaries (or is no host test at all: a scheme
 * check, a path that no origin has).
 */
export function weakTextMatchExample(kind: TextMatch, text: string, subject: MatchSubject): string | null {
  const example = looseTextExample(kind, text, subject);
  // Shown only if a browser can send it, and it passes the test.
  const tested = example === null ? null : testedPart(example, subject);
  if (tested === null) return null;
  const passes =
    kind === 'prefix' ? tested.startsWith(text) : kind === 'suffix' ? tested.endsWith(text) : tested.includes(text);
  return passes ? example : null;
}

function looseTextExample(kind: TextMatch, text: string, subject: MatchSubject): string | null {
  if (subject === 'hostname') {
    if (!/^[a-z\d.-]+$/iu.test(text) || !/[a-z\d]/iu.test(text)) return null;
    if (kind === 'suffix')
      return (
        text.startsWith('.') ? labelPicksOwner((label) => `${label}${text}`) : reachesAnotherSite(`evil${text}`, text)
      )
        ? asOrigin(`evil${text}`)
        : null;
    if (kind === 'prefix') return asOrigin(extended(text));
    return asOrigin(extended(text.startsWith('.') ? `app${text}` : text));
  }
  // For the origin, the part after `//`; a parsed URL's `host` has no scheme.
  const separator = subject === 'origin' ? text.indexOf('//') : -1;
  const head = separator >= 0 ? text.slice(0, separator) : '';
  const rest = separator >= 0 ? text.slice(separator + 2) : text;
  // A path, or a `//` in a parsed host: no origin has one, so the test never passes.
  if (rest.includes('/')) return null;
  const colon = rest.startsWith('[') ? rest.indexOf(']') + 1 : rest.indexOf(':');
  const host = colon > 0 || (colon === 0 && !rest.startsWith('[')) ? rest.slice(0, colon) : rest;
  const port = host.length < rest.length ? rest.slice(host.length) : '';
  // `afterHead` starts at the `//` when the text has one.
  const withScheme = (afterHead: string): string | null => {
    if (separator < 0) return subject === 'origin' || subject === 'host' ? asOrigin(afterHead) : null;
    if (head === '') return `https:${afterHead}`;
    if (head === ':') return `https${afterHead}`;
    return SCHEME.test(head) ? `${head}${afterHead}` : null;
  };
  switch (kind) {
    case 'suffix': {
      // Every subdomain of a name nobody owns alone: `.vercel.app` lets in every user of Vercel.
      if (separator < 0 && text.startsWith('.') && isCompleteHost(host.slice(1)))
        return labelPicksOwner((label) => `${label}${host}`) ? asOrigin(`evil${text}`) : null;
      // `//` before the host pins it on the left; so does a leading dot (a subdomain suffix).
      if (separator >= 0 || text.startsWith('.')) return null;
      if (host === '') return /^:\d+$/u.test(port) ? asOrigin(`${ATTACKER_DOMAIN}${port}`) : null;
      return reachesAnotherSite(`evil${host}`, host) ? asOrigin(`evil${text}`) : null;
    }
    case 'prefix': {
      // Only the origin starts with a scheme; a prefix without `//` tests the scheme, not the host.
      if (subject === 'origin' && separator < 0) return null;
      if (host === '' || host.startsWith('[') || port !== '' || !/^[a-z\d.-]+$/iu.test(host)) return null;
      return withScheme(subject === 'origin' ? `//${extended(host)}` : extended(host));
    }
    case 'substring': {
      if (host === '' || host.startsWith('[') || !/[a-z\d]/iu.test(host)) return null;
      // Open on the right: the attacker's own domain follows the host.
      if (port === '') {
        const shown = separator >= 0 || !text.startsWith('.') ? text : `app${text}`;
        return withScheme(separator >= 0 ? `//${extended(rest)}` : extended(shown));
      }
      // Pinned by the port on the right, open on the left.
      if (separator >= 0 || text.startsWith('.')) return null;
      return reachesAnotherSite(`evil${host}`, host) ? asOrigin(`evil${text}`) : null;
    }
    default:
      return null;
  }
}

/**
 * The tests that mean what a weak `endsWith` or `startsWith` was meant to, each `[method, text]`
 * with `===` for an exact comparison; `null` when there is no safe rewrite.
 *
 * - `endsWith('example.com')` on an origin becomes `endsWith('//example.com')` (the apex: in an
 *   origin only the scheme's `:` comes before `//`, so any scheme and no port, as before) or
 *   `endsWith('.example.com')` (its subdomains); on a hostname, `=== 'example.com'` or the suffix.
 * - `startsWith('http://localhost')` becomes `=== 'http://localhost'` or
 *   `startsWith('http://localhost:')` (the same host on any port); on a hostname, `=== 'localhost'`.
 */
export function textMatchRewrite(kind: TextMatch, text: string, subject: MatchSubject): [string, string][] | null {
  if (weakTextMatchExample(kind, text, subject) === null) return null;
  // `.vercel.app` already means every subdomain: there is nothing narrower it meant.
  if (kind === 'suffix' && text.startsWith('.')) return null;
  if (kind === 'suffix') {
    const colon = text.indexOf(':');
    const host = colon >= 0 ? text.slice(0, colon) : text;
    if (!isCompleteHost(host)) return null;
    if (subject === 'origin')
      return [
        ['endsWith', `//${text}`],
        ['endsWith', `.${text}`],
      ];
    return [
      ['===', text],
      ['endsWith', `.${text}`],
    ];
  }
  if (kind === 'prefix') {
    const host = subject === 'origin' ? text.slice(text.indexOf('//') + 2) : text;
    if (!isCompleteHost(host)) return null;
    if (subject === 'hostname') return [['===', text]];
    return [
      ['===', text],
      ['startsWith', `${text}:`],
    ];
  }
  return null;
}

/** Escapes a string for use inside a regular expression, `/` included (for a literal); valid with the `u` flag too. */
function escapePattern(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/gu, (character) => `\\${character}`);
}

/**
 * A pattern that matches what a weak `includes` (or `indexOf`) test was most likely meant to: the
 * host it names, with its subdomains when it is a domain name (only subdomains when the text
 * starts with a dot), over the scheme it names or `http`/`https`, on the port it names or any.
 * `null` when the text does not name a whole host.
 */
export function substringRewritePattern(text: string, subject: MatchSubject): string | null {
  if (weakTextMatchExample('substring', text, subject) === null) return null;
  const separator = subject === 'origin' ? text.indexOf('//') : -1;
  const head = separator >= 0 ? text.slice(0, separator) : '';
  if (separator >= 0 && head !== '' && !SCHEME.test(head)) return null;
  let rest = separator >= 0 ? text.slice(separator + 2) : text;
  const subdomainsOnly = rest.startsWith('.');
  if (subdomainsOnly) rest = rest.slice(1);
  const colon = rest.indexOf(':');
  const host = colon >= 0 ? rest.slice(0, colon) : rest;
  const port = colon >= 0 ? rest.slice(colon + 1) : null;
  if (!isCompleteHost(host) || (port !== null && !/^\d+$/u.test(port))) return null;
  const labels = isDomainName(host) ? `(?:[a-z\\d-]+\\.)${subdomainsOnly ? '+' : '*'}` : '';
  const hostPattern = `${labels}${escapePattern(host)}`;
  const portPattern = port !== null ? `:${port}` : '(?::\\d+)?';
  if (subject === 'hostname') return `^${hostPattern}$`;
  if (subject === 'host') return `^${hostPattern}${portPattern}$`;
  const scheme = head ? escapePattern(head.slice(0, -1)) : 'https?';
  return `^${scheme}:\\/\\/${hostPattern}${portPattern}$`;
}

// ---------------------------------------------------------------------------------------------
// Regular expressions

/** One piece of a pattern, with the quantifier that follows it. */
interface Atom {
  readonly kind: 'char' | 'any' | 'class' | 'group' | 'start' | 'end' | 'assertion';
  /** Where the atom starts and ends in the pattern's source, and where its quantifier ends. */
  readonly start: number;
  readonly end: number;
  quantifierEnd: number;
  min: number;
  max: number;
  /** The character a `char` matches; a sample character for a `class`. */
  readonly value: string;
  /** Whether a `class` can match a `.`. */
  readonly matchesDot: boolean;
  /** Every character a `class` can match, when it lists them one by one (`[:/]`); `null` otherwise. */
  readonly members: string | null;
  readonly alternatives: Atom[][];
}

const CLASS_ESCAPES: Record<string, { value: string; matchesDot: boolean }> = {
  d: { value: '0', matchesDot: false },
  D: { value: 'x', matchesDot: true },
  w: { value: 'a', matchesDot: false },
  W: { value: '-', matchesDot: true },
  s: { value: ' ', matchesDot: false },
  S: { value: 'x', matchesDot: true },
};
const CONTROL_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };

/**
 * The top-level alternatives of a pattern, or `null` for what this module does not read
 * (lookarounds, back-references, inline modifiers): such a pattern is not judged.
 */
function parsePattern(source: string, unicode: boolean): Atom[][] | null {
  let position = 0;
  const atom = (
    kind: Atom['kind'],
    start: number,
    value = '',
    matchesDot = false,
    alternatives: Atom[][] = [],
    members: string | null = null,
  ): Atom => ({
    kind,
    start,
    end: position,
    quantifierEnd: position,
    min: 1,
    max: 1,
    value,
    matchesDot,
    members,
    alternatives,
  });

  const parseClass = (start: number): Atom | null => {
    position++;
    const negated = source[position] === '^';
    if (negated) position++;
    let dot = false;
    let sample = '';
    let members: string | null = '';
    while (position < source.length && source[position] !== ']') {
      let low = source[position]!;
      if (low === '\\') {
        const escaped = source[position + 1] ?? '';
        position += 2;
        const known = CLASS_ESCAPES[escaped];
        if (known) {
          dot ||= known.matchesDot;
          sample ||= known.value;
          members = null;
          continue;
        }
        low = CONTROL_ESCAPES[escaped] ?? escaped;
      } else {
        position++;
      }
      let high = low;
      if (source[position] === '-' && source[position + 1] !== ']' && position + 1 < source.length) {
        high = source[position + 1] === '\\' ? (source[position + 2] ?? '') : source[position + 1]!;
        position += source[position + 1] === '\\' ? 3 : 2;
      }
      if (low <= '.' && '.' <= high) dot = true;
      sample ||= low;
      if (members !== null) members = high === low ? members + low : null;
    }
    if (source[position] !== ']') return null;
    position++;
    return negated
      ? atom('class', start, 'x', !dot)
      : atom('class', start, sample || 'x', dot, [], members === '' ? null : members);
  };

  const parseAlternatives = (depth: number): Atom[][] | null => {
    const alternatives: Atom[][] = [[]];
    while (position < source.length) {
      const character = source[position]!;
      const start = position;
      if (character === '|') {
        alternatives.push([]);
        position++;
        continue;
      }
      if (character === ')') {
        if (depth === 0) return null;
        return alternatives;
      }
      let current: Atom;
      if (character === '^' || character === '$') {
        position++;
        current = atom(character === '^' ? 'start' : 'end', start);
      } else if (character === '.') {
        position++;
        current = atom('any', start, '.', true);
      } else if (character === '[') {
        const parsed = parseClass(start);
        if (!parsed) return null;
        current = parsed;
      } else if (character === '(') {
        const named = /^\(\?<[A-Za-z_$]/u.test(source.slice(position, position + 4)) && source.includes('>', position);
        if (source.startsWith('(?:', position)) position += 3;
        else if (named) position = source.indexOf('>', position) + 1;
        // Lookarounds and inline modifiers: not read.
        else if (source[position + 1] === '?') return null;
        else position++;
        const inner = parseAlternatives(depth + 1);
        if (!inner || source[position] !== ')') return null;
        position++;
        current = atom('group', start, '', false, inner);
      } else if (character === '\\') {
        const escaped = source[position + 1] ?? '';
        position += 2;
        if (/[1-9k]/u.test(escaped)) return null;
        const known = CLASS_ESCAPES[escaped];
        if (known) current = atom('class', start, known.value, known.matchesDot);
        else if (escaped === 'b' || escaped === 'B') current = atom('assertion', start);
        else if (escaped === 'p' || escaped === 'P') {
          const close = source.indexOf('}', position);
          if (close < 0) return null;
          position = close + 1;
          current = atom('class', start, 'a', true);
        } else if (escaped === 'x' || escaped === 'u') {
          const braced = escaped === 'u' && source[position] === '{';
          if (braced && !unicode) return null;
          const digits = braced
            ? source.slice(position + 1, source.indexOf('}', position))
            : source.slice(position, position + (escaped === 'x' ? 2 : 4));
          position += braced ? digits.length + 2 : digits.length;
          const code = Number.parseInt(digits, 16);
          if (Number.isNaN(code) || code > 0x10ffff) return null;
          current = atom('char', start, String.fromCodePoint(code));
        } else if (escaped === 'c') {
          position++;
          current = atom('char', start, '\0');
        } else {
          current = atom('char', start, CONTROL_ESCAPES[escaped] ?? escaped);
        }
      } else if (character === '*' || character === '+' || character === '?') {
        return null;
      } else {
        position++;
        current = atom('char', start, character);
      }
      const quantifier = /^(?:\*|\+|\?|\{(\d+)(,(\d*))?\})\??/u.exec(source.slice(position));
      if (quantifier && current.kind !== 'start' && current.kind !== 'end' && current.kind !== 'assertion') {
        const symbol = quantifier[0][0];
        if (symbol === '*') [current.min, current.max] = [0, Infinity];
        else if (symbol === '+') [current.min, current.max] = [1, Infinity];
        else if (symbol === '?') [current.min, current.max] = [0, 1];
        else {
          current.min = Number(quantifier[1]);
          current.max = quantifier[2] === undefined ? current.min : quantifier[3] ? Number(quantifier[3]) : Infinity;
        }
        position += quantifier[0].length;
        current.quantifierEnd = position;
      }
      alternatives.at(-1)!.push(current);
    }
    return depth === 0 ? alternatives : null;
  };

  return parseAlternatives(0);
}

/** How many sequences a pattern's groups may expand into before they are judged as written. */
const MAX_EXPANSIONS = 16;

/**
 * A sequence with each group that must match once (`(…|…)`, not `(…)?`) replaced by each of its
 * alternatives in turn: the sequences the pattern is the union of.
 */
function expandGroups(atoms: readonly Atom[]): Atom[][] {
  const index = atoms.findIndex((current) => current.kind === 'group' && current.min === 1 && current.max === 1);
  if (index === -1) return [[...atoms]];
  const group = atoms[index]!;
  const expanded: Atom[][] = [];
  for (const alternative of group.alternatives) {
    for (const rest of expandGroups([...atoms.slice(0, index), ...alternative, ...atoms.slice(index + 1)])) {
      expanded.push(rest);
      if (expanded.length > MAX_EXPANSIONS) return [[...atoms]];
    }
  }
  return expanded;
}

/** Whether a sequence can match anything: nothing required comes after `$` or before `^` (without the `m` flag). */
function canMatch(atoms: readonly Atom[], flags: string): boolean {
  if (flags.includes('m')) return true;
  const optional = (current: Atom): boolean =>
    current.min === 0 || current.kind === 'start' || current.kind === 'end' || current.kind === 'assertion';
  const end = atoms.findIndex((current) => current.kind === 'end');
  if (end !== -1 && !atoms.slice(end + 1).every(optional)) return false;
  const start = atoms.findLastIndex((current) => current.kind === 'start');
  return start === -1 || atoms.slice(0, start).every(optional);
}

/** Whether an atom is in a sequence, or in a group within it. */
function containsAtom(atoms: readonly Atom[], target: Atom): boolean {
  return atoms.some(
    (current) =>
      current === target ||
      (current.kind === 'group' && current.alternatives.some((inner) => containsAtom(inner, target))),
  );
}

/** A sample of what atoms match: each at its fewest repetitions, a group by its first alternative. */
function sample(atoms: readonly Atom[], overrides: ReadonlyMap<Atom, string> = new Map()): string {
  let text = '';
  for (const current of atoms) {
    const override = overrides.get(current);
    if (override !== undefined) {
      text += override;
      continue;
    }
    const once =
      current.kind === 'char' || current.kind === 'class' || current.kind === 'any'
        ? current.value
        : current.kind === 'group'
          ? sample(current.alternatives[0] ?? [], overrides)
          : '';
    text += once.repeat(Math.min(current.min, 8));
  }
  return text;
}

const isChar = (current: Atom | undefined, value: string): boolean =>
  current?.kind === 'char' && current.value === value && current.min === 1 && current.max === 1;

/** Whether an atom, at the start of an alternative, stops anything from coming before the host. */
function pinsLeft(current: Atom | undefined): boolean {
  if (!current) return false;
  if (current.kind === 'start' || isChar(current, '.')) return true;
  if (current.kind !== 'group' || current.min < 1) return false;
  return current.alternatives.every((alternative) => pinsLeft(alternative[0]) || sample(alternative).startsWith('//'));
}

/** Whether an atom, at the end of an alternative, stops anything from coming after it. */
function pinsRight(current: Atom | undefined): boolean {
  if (!current) return false;
  if (current.kind === 'end') return true;
  if (current.kind !== 'group' || current.min < 1) return false;
  return current.alternatives.every((alternative) => pinsRight(alternative.at(-1)));
}

/**
 * What an origin never holds after its host: a path, a query, a fragment (and no user before it).
 * So `\/` after the host, as in `example\.com(:|\/|$)` copied from a URL pattern, can never match:
 * after the host only the port's `:` can come, or the end.
 */
const PAST_HOST = '/?#@';

/** Whether an atom matches only some of these characters: a `char`, or a `class` that lists them (`[:/]`). */
function matchesOnly(current: Atom, characters: string): boolean {
  if (current.kind === 'char') return characters.includes(current.value);
  return (
    current.kind === 'class' && current.members !== null && [...current.members].every((c) => characters.includes(c))
  );
}

/** A required character that no origin has after its host (`\/`, `[/?#]`): the sequence it is in matches no origin. */
function cannotFollowHost(current: Atom): boolean {
  return current.min >= 1 && matchesOnly(current, PAST_HOST);
}

/**
 * Something required that stops the host on the right: `$`, a port (`:`, `(:\d+)`), or a character
 * no origin has there, which only the end or a port can stand for in a real origin: `(:|\/|$)`.
 */
function bindsRight(current: Atom | undefined): boolean {
  if (!current || current.min < 1) return false;
  if (current.kind === 'end' || matchesOnly(current, `:${PAST_HOST}`)) return true;
  return current.kind === 'group' && current.alternatives.every((alternative) => bindsRight(alternative[0]));
}

/**
 * Where the port or the end begins: a `:` (or a character no origin has past its host) or a group
 * that starts with one (required or not), or `$`.
 */
function endsHost(current: Atom): boolean {
  if (current.kind === 'end' || matchesOnly(current, `:${PAST_HOST}`)) return true;
  return (
    current.kind === 'group' &&
    current.alternatives.some((alternative) => alternative[0] !== undefined && endsHost(alternative[0]))
  );
}

/** What is wrong with an origin pattern, in the order the message names them. */
export type PatternProblem =
  'unanchoredEnd' | 'unanchoredStart' | 'wildcardHost' | 'registrableWildcard' | 'unescapedDot';

export interface PatternFinding {
  readonly problem: PatternProblem;
  /** An origin that passes though nobody meant it to. */
  readonly example: string;
  /** The pattern's source with the anchors and escapes it needs, or `null` when that is not enough. */
  readonly fixed: string | null;
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * What lets origins through a pattern that is meant to match one host (or a few), or `null`
 * when it matches whole hosts, is not about a host (a scheme check), or is past reading:
 *
 * - no `$` while the pattern ends in the host: `/^http:\/\/localhost/` passes
 *   `http://localhost.evil.com`;
 * - no `^`, no `//` and no leading `\.` before a domain name: `/example\.com$/` passes
 *   `https://evilexample.com`;
 * - a wildcard in the host not followed by `\.`: `/^https:\/\/.*example\.com$/`;
 * - an unescaped `.` in the host, which matches any character: `/^https:\/\/app.example\.com$/`
 *   passes `https://appxexample.com`.
 *
 * The fix escapes those dots and pins each open end, keeping every origin the pattern was
 * meant to let in: a missing `$` becomes `(?::\d+)?$` (the same host on any port), a missing left
 * anchor `(?:\/\/|\.)` (the host itself or a subdomain, after any scheme), and an alternative that
 * starts with its scheme gets `^`. A parsed `hostname` gets `$` and `(?:^|\.)` instead.
 */
export function findPatternProblem(source: string, flags: string, subject: MatchSubject): PatternFinding | null {
  try {
    // A source that `new RegExp` rejects throws where the code runs; it lets nothing in.
    new RegExp(source, flags);
  } catch {
    return null;
  }
  const parsed = parsePattern(source, /[uv]/u.test(flags));
  // An empty alternative matches everything: no host pattern, and nothing to anchor.
  if (!parsed || parsed.some((atoms) => atoms.length === 0)) return null;
  // A group of alternatives is each of them in its place: `^(https:\/\/a\.com|https:\/\/b\.com)`
  // holds two hosts, each to judge on its own.
  const alternatives = parsed.flatMap((atoms) => expandGroups(atoms)).filter((atoms) => canMatch(atoms, flags));
  // A pattern no origin can ever match lets nobody in.
  if (alternatives.length === 0) return null;
  const findings: { problem: PatternProblem; example: string }[] = [];
  const edits: Edit[] = [];
  let fixable = true;

  for (const atoms of alternatives) {
    // The host starts after `//` (or a group that holds one); a parsed host has no scheme.
    let hostStart = 0;
    if (subject === 'origin') {
      for (let index = atoms.length - 1; index >= 0; index--) {
        const current = atoms[index]!;
        const slashes = isChar(current, '/') && isChar(atoms[index - 1], '/');
        if (slashes || (current.kind === 'group' && sample(current.alternatives[0] ?? []).includes('//'))) {
          hostStart = index + 1;
          break;
        }
      }
      // Without `//`, the host still starts after the last `/`, the end of the origin's own `://`
      // (`\/localhost`): no `/` comes after it in an origin.
      if (hostStart === 0) hostStart = atoms.findLastIndex((current) => isChar(current, '/')) + 1;
    }
    const leftAnchored = pinsLeft(atoms[0]);
    // `^https` without `//`, matched against a whole origin, is a scheme check.
    if (subject === 'origin' && hostStart === 0 && atoms[0]?.kind === 'start') continue;
    // Nothing of a path, query or fragment follows the host of an origin: an alternative that
    // requires one (`^https:\/\/a\.com\/`, from `(:|\/|$)`) lets no origin in.
    if (atoms.slice(hostStart).some(cannotFollowHost)) continue;
    let hostEnd = atoms.findIndex((current, index) => index >= hostStart && endsHost(current));
    if (hostEnd < 0) hostEnd = atoms.length;
    const host = atoms.slice(hostStart, hostEnd);
    const hostSample = sample(host);
    if (!/[a-z\d]/iu.test(hostSample)) continue;
    const scheme = sample(atoms.slice(0, hostStart));
    const shownScheme = /^[a-z][a-z\d+.-]*:\/\/$/iu.test(scheme) ? scheme : 'https://';
    const asShown = (overrides: ReadonlyMap<Atom, string>, after = ''): string =>
      `${shownScheme}${sample(host, overrides)}${after}`;

    /** `text` in place of an atom, and each group around it as present (`(www.)?example\.com`). */
    const shownAs = (current: Atom, text: string, enclosing: readonly Atom[]): Map<Atom, string> => {
      const shown = new Map([[current, text]]);
      for (const group of enclosing)
        shown.set(
          group,
          sample(group.alternatives.find((alternative) => containsAtom(alternative, current)) ?? [], shown),
        );
      return shown;
    };

    // Unescaped dots and wildcards, in the host and in the groups inside it.
    const visit = (sequence: readonly Atom[], next: Atom | undefined, enclosing: readonly Atom[] = []): void => {
      sequence.forEach((current, index) => {
        const following = index + 1 < sequence.length ? sequence[index + 1] : next;
        if (current.kind === 'group') {
          for (const alternative of current.alternatives) visit(alternative, following, [current, ...enclosing]);
          return;
        }
        const repeated = (current.kind === 'any' || current.kind === 'class') && current.max > 1;
        const wildcard = repeated && (current.kind === 'any' || current.matchesDot);
        if (repeated && isChar(following, '.')) {
          // `.+\.example\.com` stops at a dot: the rest is a subdomain of a name someone owns. Not
          // under a name anyone can get: `.*\.workers\.dev`, `[a-z0-9-]+\.vercel\.app`.
          const letters = current.kind === 'any' || /[a-z]/iu.test(current.value);
          const labels: [string, string] = letters
            ? ['evil', 'other']
            : [current.value.repeat(3), current.value.repeat(4)];
          const hostFor = (label: string): string => sample(host, shownAs(current, label, enclosing));
          if (labelPicksOwner(hostFor, labels)) {
            findings.push({ problem: 'registrableWildcard', example: asShown(shownAs(current, labels[0], enclosing)) });
            fixable = false;
          }
          return;
        }
        if (wildcard) {
          const atEnd = !following || endsHost(following);
          const shown = new Map([[current, atEnd ? `.${ATTACKER_DOMAIN}` : 'evil']]);
          // `.*localhost` reaches `evillocalhost`, which nobody can register.
          if (!reachesAnotherSite(sample(host, shown), hostSample)) return;
          findings.push({ problem: 'wildcardHost', example: asShown(shown) });
          fixable = false;
        } else if (current.kind === 'any') {
          edits.push({ start: current.start, end: current.end, text: '\\.' });
          // A bare dot between a name and its top-level domain reaches `examplexcom` or `app.examplexcom`,
          // which nobody can register; one further left reaches `appxexample.com`.
          const shown = shownAs(current, 'x', enclosing);
          const reached = sample(host, shown);
          if (reachesAnotherSite(reached, hostSample)) {
            findings.push({ problem: 'unescapedDot', example: asShown(shown) });
          }
        }
      });
    };
    visit(host, atoms[hostEnd]);

    const last = atoms.at(-1);
    // An optional port (`(:\d+)?`) does not stop `.evil.com` from following the host.
    const rightOpen = !pinsRight(last) && !atoms.slice(hostEnd).some(bindsRight);
    if (rightOpen) {
      findings.push({
        problem: 'unanchoredEnd',
        example: asShown(new Map(), hostSample.endsWith('.') ? ATTACKER_DOMAIN : `.${ATTACKER_DOMAIN}`),
      });
      const end = subject === 'hostname' || hostEnd < atoms.length ? '$' : '(?::\\d+)?$';
      edits.push({ start: last!.quantifierEnd, end: last!.quantifierEnd, text: end });
    }
    const leftOpen =
      !leftAnchored &&
      hostStart === 0 &&
      !hostSample.startsWith('.') &&
      reachesAnotherSite(`evil${hostSample}`, hostSample);
    if (leftOpen) {
      findings.push({
        problem: 'unanchoredStart',
        example: asShown(new Map([[host[0]!, `evil${sample([host[0]!])}`]])),
      });
    }
    if (!leftAnchored && hostStart === 0 && !hostSample.startsWith('.')) {
      // A host with nothing before it: `//` (or a dot, for a subdomain) is what may come first.
      edits.push({
        start: atoms[0]!.start,
        end: atoms[0]!.start,
        text: subject === 'origin' ? '(?:\\/\\/|\\.)' : '(?:^|\\.)',
      });
    } else if (hostStart > 0 && !leftAnchored && atoms[0]?.kind === 'char' && /[a-z]/iu.test(atoms[0].value)) {
      // Nothing that a browser sends comes before a scheme; `^` says so.
      edits.push({ start: atoms[0].start, end: atoms[0].start, text: '^' });
    }
  }

  const order: PatternProblem[] = [
    'unanchoredEnd',
    'unanchoredStart',
    'wildcardHost',
    'registrableWildcard',
    'unescapedDot',
  ];
  // Alternatives expanded from one group share its atoms: each edit once.
  const unique = new Map(edits.map((edit) => [`${edit.start}:${edit.end}:${edit.text}`, edit]));
  edits.length = 0;
  edits.push(...unique.values());
  // Each origin shown must be one a browser can send, and one the pattern lets in.
  const passes = (example: string): boolean => {
    const tested = testedPart(example, subject);
    return tested !== null && new RegExp(source, flags.replace(/[gy]/gu, '')).test(tested);
  };
  const first = findings
    .filter((finding) => passes(finding.example))
    .sort((a, b) => order.indexOf(a.problem) - order.indexOf(b.problem))[0];
  if (!first) return null;
  let fixed: string | null = null;
  if (fixable) {
    fixed = source;
    for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
      fixed = fixed.slice(0, edit.start) + edit.text + fixed.slice(edit.end);
    }
    try {
      new RegExp(fixed, flags);
    } catch {
      fixed = null;
    }
  }
  return { problem: first.problem, example: first.example, fixed };
}
