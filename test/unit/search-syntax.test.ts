import { describe, expect, it } from 'vitest';
import { parseSearchQuery, SearchSyntaxError } from '../../src/domain/content-items/search-syntax.js';

const word = (value: string, extra: Record<string, unknown> = {}) => ({ value, exact: false, negated: false, ...extra });

describe('text search syntax: every row of 003 Table 3', () => {
  it('apple: a word', () => {
    expect(parseSearchQuery('apple').clauses).toEqual([[word('apple')]]);
  });
  it('apple orange: both words (AND)', () => {
    expect(parseSearchQuery('apple orange').clauses).toEqual([[word('apple')], [word('orange')]]);
  });
  it('apple,orange: either word (OR)', () => {
    expect(parseSearchQuery('apple,orange').clauses).toEqual([[word('apple'), word('orange')]]);
  });
  it('apple -orange: apple but NOT orange', () => {
    expect(parseSearchQuery('apple -orange').clauses).toEqual([[word('apple')], [word('orange', { negated: true })]]);
  });
  it('-apple-orange: NOT the word apple-orange (a hyphen inside a word is not negation)', () => {
    expect(parseSearchQuery('-apple-orange').clauses).toEqual([[word('apple-orange', { negated: true })]]);
  });
  it('label:apple: a word in a field', () => {
    expect(parseSearchQuery('label:apple').clauses).toEqual([[word('apple', { field: 'label' })]]);
  });
  it('"apple:orange": exact text, colon included', () => {
    expect(parseSearchQuery('"apple:orange"').clauses).toEqual([[{ value: 'apple:orange', exact: true, negated: false }]]);
  });
  it('apple label:orange: a word anywhere AND a word in the label', () => {
    expect(parseSearchQuery('apple label:orange').clauses).toEqual([[word('apple')], [word('orange', { field: 'label' })]]);
  });
});

describe('text search syntax: more', () => {
  it('is case-insensitive (values lower-cased), field names kept', () => {
    expect(parseSearchQuery('Label:APPLE').clauses).toEqual([[word('apple', { field: 'Label' })]]);
  });
  it('reads terms that follow a closing quote directly, as the SDK writes facet queries', () => {
    expect(parseSearchQuery('status:"ACTIVE"contentRepositoryId:"5d4a"').clauses).toEqual([
      [{ field: 'status', value: 'active', exact: true, negated: false }],
      [{ field: 'contentRepositoryId', value: '5d4a', exact: true, negated: false }],
    ]);
  });
  it('keeps spaces and commas inside quotes, and ignores surrounding white space', () => {
    expect(parseSearchQuery('  "red, green apple"  ').clauses).toEqual([[{ value: 'red, green apple', exact: true, negated: false }]]);
  });
  it('negates field terms and terms inside an OR', () => {
    expect(parseSearchQuery('-label:draft,apple').clauses).toEqual([[word('draft', { field: 'label', negated: true }), word('apple')]]);
  });
  it('reads backslash-escaped quotes inside quotes, as dc-cli writes names', () => {
    expect(parseSearchQuery('label:"say \\"hi\\" \\\\ bye"').clauses).toEqual([
      [{ field: 'label', value: 'say "hi" \\ bye', exact: true, negated: false }],
    ]);
  });
  it('reads hyphens and underscores as part of words', () => {
    expect(parseSearchQuery('a-b_c').clauses).toEqual([[word('a-b_c')]]);
  });
});

describe('text search syntax: malformed queries are SearchSyntaxErrors, never crashes', () => {
  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['"unclosed', /quote is not closed/],
    ['""', /quotes hold no text/],
    ['apple,', /","/],
    [',apple', /unexpected ","/],
    ['apple, orange', /","/],
    ['-', /"-" must be followed/],
    ['apple - orange', /"-" must be followed/],
    ['label:', /has no value/],
    ['label: apple', /has no value/],
    [':apple', /unexpected ":"/],
    ['a:b:c', /quotes to search for a colon/],
    ['"label":x', /field name cannot be quoted/],
    ['apple"orange"', /unexpected/],
  ])('%j', (query, message) => {
    let caught: unknown;
    try {
      parseSearchQuery(query);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SearchSyntaxError);
    expect((caught as Error).message).toMatch(message);
  });
});
