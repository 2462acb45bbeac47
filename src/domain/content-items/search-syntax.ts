/**
 * The text search syntax of 003 ("Text Search Query Syntax", Tables 2 and 3), parsed into an AST:
 *
 *   query  := clause (space clause)*          clauses are ANDed
 *   clause := term ("," term)*                terms of a clause are ORed
 *   term   := ["-"] [field ":"] value         a leading "-" negates; a "-" inside a word is the word's
 *   value  := word | "quoted text"            quotes keep colons, commas and spaces as text;
 *                                             inside them `\"` is a quote and `\\` a backslash
 *
 * A term may follow a closing quote directly (`status:"ACTIVE"folderId:"…"`, as the SDK's facet queries
 * are written). Matching is case-insensitive: values are kept lower-cased. Anything else is a
 * SearchSyntaxError with a message that says where the query went wrong.
 */

export interface SearchTerm {
  /** The field searched (`label`, `status` …), or undefined for the text anywhere in the item. */
  field?: string;
  /** Lower-cased. */
  value: string;
  /** Quoted: the text must appear as written (colons and all), not only its words. */
  exact: boolean;
  negated: boolean;
}

/** Clauses ANDed together; the terms of each clause ORed. */
export interface SearchQuery {
  clauses: SearchTerm[][];
}

export class SearchSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'SearchSyntaxError';
  }
}

const WHITE = /\s/;
const WORD_END = /[\s,":]/;

export function parseSearchQuery(input: string): SearchQuery {
  const clauses: SearchTerm[][] = [];
  let at = 0;
  const fail = (message: string): never => {
    throw new SearchSyntaxError(`${message} at position ${at + 1} of the query`, at);
  };

  /** A bare word, or quoted text; at `at`. */
  const value = (): { text: string; exact: boolean } => {
    if (input[at] === '"') {
      // Inside quotes a backslash takes the next character as it is (dc-cli writes `label:"say \"hi\""`).
      let text = '';
      at += 1;
      while (at < input.length && input[at] !== '"') {
        if (input[at] === '\\' && at + 1 < input.length) at += 1;
        text += input[at];
        at += 1;
      }
      if (at >= input.length) fail('a quote is not closed');
      if (text.trim() === '') fail('quotes hold no text');
      at += 1;
      return { text, exact: true };
    }
    const start = at;
    while (at < input.length && !WORD_END.test(input[at]!)) at += 1;
    if (at === start) fail(input[at] === undefined ? 'a search term is missing' : `unexpected "${input[at]}"`);
    return { text: input.slice(start, at), exact: false };
  };

  const term = (): SearchTerm => {
    let negated = false;
    if (input[at] === '-') {
      negated = true;
      at += 1;
      if (at >= input.length || WHITE.test(input[at]!) || input[at] === ',') fail('"-" must be followed by a search term');
    }
    let first = value();
    let field: string | undefined;
    if (input[at] === ':') {
      if (first.exact) fail('a field name cannot be quoted');
      field = first.text;
      at += 1;
      if (at >= input.length || WHITE.test(input[at]!) || input[at] === ',') fail(`field ${field} has no value`);
      first = value();
      if (input[at] === ':') fail('use quotes to search for a colon');
    }
    return { ...(field === undefined ? {} : { field }), value: first.text.toLowerCase(), exact: first.exact, negated };
  };

  const skipWhite = () => {
    while (at < input.length && WHITE.test(input[at]!)) at += 1;
  };

  skipWhite();
  if (at >= input.length) fail('the query is empty');
  while (at < input.length) {
    const clause = [term()];
    while (input[at] === ',') {
      at += 1;
      if (at >= input.length || WHITE.test(input[at]!)) fail('"," must be followed by another search term');
      clause.push(term());
    }
    clauses.push(clause);
    const before = at;
    skipWhite();
    // Only a closing quote may run straight into the next term.
    if (at === before && at < input.length && input[at - 1] !== '"') fail(`unexpected "${input[at]}"`);
  }
  return { clauses };
}
