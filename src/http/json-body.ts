import secureJson from 'secure-json-parse';

/**
 * The vendor's payload rule (003 "Payload Considerations"): the first complete JSON object in a body is
 * accepted and anything after it is ignored.
 */

/** Index just past the object or array that opens `text`, or undefined when there is none complete. */
export function endOfFirstJsonValue(text: string): number | undefined {
  let i = 0;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  if (text[i] !== '{' && text[i] !== '[') return undefined;
  let depth = 0;
  let inString = false;
  for (; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return undefined;
}

/** `__proto__` and `constructor.prototype` keys are refused, as Fastify's own JSON parser does. */
const parse = (text: string): unknown => secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });

/**
 * Parses a request body by the payload rule; an empty body is `undefined`. Throws SyntaxError for
 * malformed JSON and another Error for a prototype-poisoning key.
 */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return parse(text);
  } catch (error) {
    const end = endOfFirstJsonValue(text);
    if (!(error instanceof SyntaxError) || end === undefined || end === text.length) throw error;
    return parse(text.slice(0, end));
  }
}
