import { describe, expect, it } from 'vitest';
import { deliveryKeyProblem } from '../../src/domain/content-items/delivery-keys.js';

describe('delivery key rules (003)', () => {
  it.each(['home', 'promo-page/main-banner', 'a_b-c/d/e', 'A1', 'x'.repeat(150), 'a/b_c-/d'])('accepts %j', (key) => {
    expect(deliveryKeyProblem(key)).toBeUndefined();
  });

  it.each([
    ['', /1 to 150/],
    ['x'.repeat(151), /1 to 150/],
    ['/leading', /start with \//],
    ['trailing/', /end with \//],
    ['double//slash', /\/\//],
    ['has space', /letters, digits/],
    ['dot.ted', /letters, digits/],
    ['ünïcode', /letters, digits/],
    ['question?', /letters, digits/],
  ])('refuses %j', (key, message) => {
    expect(deliveryKeyProblem(key)).toMatch(message);
  });

  it('refuses what is not a string', () => {
    expect(deliveryKeyProblem(42)).toMatch(/string/);
    expect(deliveryKeyProblem(null)).toMatch(/string/);
  });
});
