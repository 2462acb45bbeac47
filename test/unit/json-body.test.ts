import { describe, expect, it } from 'vitest';
import { endOfFirstJsonValue, parseJsonBody } from '../../src/http/json-body.js';

describe('parseJsonBody (003 "Payload Considerations")', () => {
  it('parses a plain body', () => {
    expect(parseJsonBody('{"a":1}')).toEqual({ a: 1 });
  });
  it('takes the first complete object and ignores what follows', () => {
    expect(parseJsonBody('{"foo":{"bar":"def"}}, "unknownProperty": "will be ignored"}')).toEqual({ foo: { bar: 'def' } });
  });
  it('is not fooled by braces and escaped quotes inside strings', () => {
    expect(parseJsonBody('{"a":"}{\\"}"}trailing')).toEqual({ a: '}{"}' });
  });
  it('handles arrays as the first value', () => {
    expect(parseJsonBody('[{"slot":"x"}] junk')).toEqual([{ slot: 'x' }]);
  });
  it('treats an empty body as no body', () => {
    expect(parseJsonBody('  ')).toBeUndefined();
  });
  it('throws on an incomplete first object', () => {
    expect(() => parseJsonBody('{"a": 1')).toThrow(SyntaxError);
    expect(() => parseJsonBody('{"a" 1} x')).toThrow(SyntaxError);
  });
  it('refuses prototype-poisoning keys', () => {
    expect(() => parseJsonBody('{"__proto__": {"admin": true}}')).toThrow(/prototype/);
    expect(() => parseJsonBody('{"a": 1} {"__proto__": {}}')).not.toThrow();
  });
  it('throws on a scalar followed by garbage', () => {
    expect(() => parseJsonBody('12 34')).toThrow(SyntaxError);
  });
  it('finds the end of the first value', () => {
    expect(endOfFirstJsonValue('  {"a":[1,{"b":2}]} }')).toBe(19);
    expect(endOfFirstJsonValue('"text"')).toBeUndefined();
  });
});
