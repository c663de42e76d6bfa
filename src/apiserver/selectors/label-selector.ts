/**
 * Label selectors as k8s.io/apimachinery/pkg/labels/selector.go parses,
 * prints and matches them (Kubernetes 1.31): the lexer and recursive-descent
 * parser with their error texts, requirements sorted by key, `String()`.
 */
import { FieldPath, invalid, type FieldError } from '../validation/field-error.ts';
import { goStringSlice } from '../validation/go-syntax.ts';
import { isQualifiedName, isValidLabelValue } from '../validation/format-rules.ts';

export type SelectorOperator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  operator: SelectorOperator;
  /** Sorted and deduplicated, as the parser's sets.String gives them. */
  values: string[];
}

/** A parsed selector: requirements ANDed, sorted by key. Empty matches everything. */
export class LabelSelectorExpression {
  constructor(readonly requirements: readonly Requirement[]) {}

  matches(labels: Record<string, string> | undefined): boolean {
    return this.requirements.every((r) => requirementMatches(r, labels ?? {}));
  }

  isEmpty(): boolean {
    return this.requirements.length === 0;
  }

  /** Selector.String(): requirements joined with ','. */
  toString(): string {
    return this.requirements.map(requirementString).join(',');
  }
}

/** A selector string that does not parse; `message` is the text the API server returns. */
export class LabelSelectorParseError extends Error {}

function requirementMatches(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = labels[r.key];
  switch (r.operator) {
    case '=':
    case '==':
    case 'in':
      return has && r.values.includes(value);
    case '!=':
    case 'notin':
      return !has || !r.values.includes(value);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || !/^[-+]?\d+$/.test(value) || r.values.length !== 1) return false;
      const lhs = BigInt(value);
      const rhs = BigInt(r.values[0]);
      return r.operator === 'gt' ? lhs > rhs : lhs < rhs;
    }
  }
}

/** Requirement.String(). */
export function requirementString(r: Requirement): string {
  const values = r.values.length === 1 ? r.values[0] : [...r.values].sort().join(',');
  switch (r.operator) {
    case '!':
      return `!${r.key}`;
    case 'exists':
      return r.key;
    case 'in':
      return `${r.key} in (${values})`;
    case 'notin':
      return `${r.key} notin (${values})`;
    case 'gt':
      return `${r.key}>${values}`;
    case 'lt':
      return `${r.key}<${values}`;
    default:
      return `${r.key}${r.operator}${values}`;
  }
}

type Token =
  | 'error'
  | 'end'
  | 'closedPar'
  | 'comma'
  | 'doesNotExist'
  | 'doubleEquals'
  | 'equals'
  | 'greaterThan'
  | 'identifier'
  | 'in'
  | 'lessThan'
  | 'notEquals'
  | 'notIn'
  | 'openPar';

const STRING_TO_TOKEN: Record<string, Token> = {
  ')': 'closedPar',
  ',': 'comma',
  '!': 'doesNotExist',
  '==': 'doubleEquals',
  '=': 'equals',
  '>': 'greaterThan',
  in: 'in',
  '<': 'lessThan',
  '!=': 'notEquals',
  notin: 'notIn',
  '(': 'openPar',
};

const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt';

function isWhitespace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}

function isSpecialSymbol(ch: string): boolean {
  return '=!(),><'.includes(ch) && ch !== '';
}

interface Item {
  tok: Token;
  lit: string;
}

/** The Lexer of selector.go. */
function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  const read = (): string => (pos < input.length ? input[pos++] : '');
  for (;;) {
    let ch = read();
    while (ch !== '' && isWhitespace(ch)) ch = read();
    if (ch === '') {
      items.push({ tok: 'end', lit: '' });
      return items;
    }
    pos--;
    if (isSpecialSymbol(ch)) {
      let buffer = '';
      let last: Item | undefined;
      for (;;) {
        const c = read();
        if (c === '') break;
        if (isSpecialSymbol(c)) {
          buffer += c;
          const tok = STRING_TO_TOKEN[buffer];
          if (tok) last = { tok, lit: buffer };
          else if (last) {
            pos--;
            break;
          }
        } else {
          pos--;
          break;
        }
      }
      items.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buffer}'` });
    } else {
      let buffer = '';
      for (;;) {
        const c = read();
        if (c === '') break;
        if (isSpecialSymbol(c) || isWhitespace(c)) {
          pos--;
          break;
        }
        buffer += c;
      }
      items.push({ tok: STRING_TO_TOKEN[buffer] ?? 'identifier', lit: buffer });
    }
  }
}

/** The Parser of selector.go. `in`/`notin` read as identifiers where a value is expected. */
class Parser {
  private position = 0;
  constructor(private readonly items: Item[]) {}

  private lookahead(values: boolean): Item {
    const item = this.items[this.position];
    return values && (item.tok === 'in' || item.tok === 'notIn') ? { tok: 'identifier', lit: item.lit } : item;
  }

  private consume(values: boolean): Item {
    const item = this.lookahead(values);
    this.position++;
    return item;
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.lookahead(true);
      switch (tok) {
        case 'identifier':
        case 'doesNotExist': {
          let r: Requirement;
          try {
            r = this.parseRequirement();
          } catch (e) {
            throw new LabelSelectorParseError(`unable to parse requirement: ${(e as Error).message}`);
          }
          requirements.push(r);
          const next = this.consume(true);
          if (next.tok === 'end') return requirements;
          if (next.tok === 'comma') {
            const after = this.lookahead(true);
            if (after.tok !== 'identifier' && after.tok !== 'doesNotExist') {
              throw new LabelSelectorParseError(`found '${after.lit}', expected: identifier after ','`);
            }
            break;
          }
          throw new LabelSelectorParseError(`found '${next.lit}', expected: ',' or 'end of string'`);
        }
        case 'end':
          return requirements;
        default:
          throw new LabelSelectorParseError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      }
    }
  }

  private parseRequirement(): Requirement {
    const { key, operator } = this.parseKeyAndInferOperator();
    if (operator === 'exists' || operator === '!') return newRequirement(key, operator, []);
    const op = this.parseOperator();
    const values = op === 'in' || op === 'notin' ? this.parseValues() : this.parseExactValue();
    return newRequirement(key, op, [...values].sort());
  }

  private parseKeyAndInferOperator(): { key: string; operator?: SelectorOperator } {
    let operator: SelectorOperator | undefined;
    let item = this.consume(true);
    if (item.tok === 'doesNotExist') {
      operator = '!';
      item = this.consume(true);
    }
    if (item.tok !== 'identifier') throw new Error(`found '${item.lit}', expected: identifier`);
    const keyErr = validateKey(item.lit, FieldPath.nil);
    if (keyErr) throw new Error(keyErr.toString());
    const next = this.lookahead(true).tok;
    if ((next === 'end' || next === 'comma') && operator !== '!') operator = 'exists';
    return { key: item.lit, operator };
  }

  private parseOperator(): SelectorOperator {
    const { tok, lit } = this.consume(false);
    switch (tok) {
      case 'in':
        return 'in';
      case 'equals':
        return '=';
      case 'doubleEquals':
        return '==';
      case 'greaterThan':
        return 'gt';
      case 'lessThan':
        return 'lt';
      case 'notIn':
        return 'notin';
      case 'notEquals':
        return '!=';
      default:
        throw new Error(`found '${lit}', expected: ${BINARY_OPERATORS}`);
    }
  }

  private parseValues(): Set<string> {
    const open = this.consume(true);
    if (open.tok !== 'openPar') throw new Error(`found '${open.lit}' expected: '('`);
    const { tok, lit } = this.lookahead(true);
    switch (tok) {
      case 'identifier':
      case 'comma': {
        const s = this.parseIdentifiersList();
        if (this.consume(true).tok !== 'closedPar') throw new Error(`found '${lit}', expected: ')'`);
        return s;
      }
      case 'closedPar':
        this.consume(true);
        return new Set(['']);
      default:
        throw new Error(`found '${lit}', expected: ',', ')' or identifier`);
    }
  }

  private parseIdentifiersList(): Set<string> {
    const s = new Set<string>();
    for (;;) {
      const { tok, lit } = this.consume(true);
      if (tok === 'identifier') {
        s.add(lit);
        const next = this.lookahead(true);
        if (next.tok === 'comma') continue;
        if (next.tok === 'closedPar') return s;
        throw new Error(`found '${next.lit}', expected: ',' or ')'`);
      } else if (tok === 'comma') {
        if (s.size === 0) s.add('');
        const next = this.lookahead(true).tok;
        if (next === 'closedPar') {
          s.add('');
          return s;
        }
        if (next === 'comma') s.add('');
      } else {
        throw new Error(`found '${lit}', expected: ',', or identifier`);
      }
    }
  }

  private parseExactValue(): Set<string> {
    const next = this.lookahead(true).tok;
    if (next === 'end' || next === 'comma') return new Set(['']);
    const { tok, lit } = this.consume(true);
    if (tok === 'identifier') return new Set([lit]);
    throw new Error(`found '${lit}', expected: identifier`);
  }
}

function validateKey(key: string, path: FieldPath): FieldError | undefined {
  const errs = isQualifiedName(key);
  return errs.length > 0 ? invalid(path, key, errs.join('; ')) : undefined;
}

/** NewRequirement: checks the key, the value count for the operator and each value. */
function newRequirement(key: string, operator: SelectorOperator, values: string[]): Requirement {
  const errs: FieldError[] = [];
  const keyErr = validateKey(key, FieldPath.of('key'));
  if (keyErr) errs.push(keyErr);
  const valuesPath = FieldPath.of('values');
  if ((operator === 'in' || operator === 'notin') && values.length === 0) {
    errs.push(invalid(valuesPath, goStringSlice(values), "for 'in', 'notin' operators, values set can't be empty"));
  }
  if ((operator === '=' || operator === '==' || operator === '!=') && values.length !== 1) {
    errs.push(invalid(valuesPath, goStringSlice(values), 'exact-match compatibility requires one single value'));
  }
  if (operator === 'gt' || operator === 'lt') {
    values.forEach((v, i) => {
      if (!/^[-+]?\d+$/.test(v)) errs.push(invalid(valuesPath.index(i), v, "for 'Gt', 'Lt' operators, the value must be an integer"));
    });
  }
  values.forEach((v, i) => {
    const msgs = isValidLabelValue(v);
    if (msgs.length > 0) errs.push(invalid(valuesPath.index(i).key(key), v, msgs.join('; ')));
  });
  if (errs.length === 1) throw new Error(errs[0].toString());
  if (errs.length > 1) throw new Error(`[${errs.map(String).join(', ')}]`);
  return { key, operator, values };
}

/** labels.Parse: throws LabelSelectorParseError with the API server's text. */
export function parseLabelSelector(text: string): LabelSelectorExpression {
  const requirements = new Parser(lex(text)).parse();
  // sort.Sort(ByKey) is not stable; keys are distinct in practice.
  requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return new LabelSelectorExpression(requirements);
}

/** labels.SelectorFromSet: every key=value, sorted by key. */
export function selectorFromSet(set: Record<string, string> | undefined): LabelSelectorExpression {
  const keys = Object.keys(set ?? {}).sort();
  return new LabelSelectorExpression(keys.map((k) => ({ key: k, operator: '=', values: [set![k]] })));
}
