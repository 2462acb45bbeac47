import { describe, expect, it } from 'vitest';
import { pageRequest } from '../../src/http/paging.js';
import { pageBody } from '../../src/http/hal.js';
import { DomainError } from '../../src/domain/errors.js';

describe('pageRequest', () => {
  it('defaults to page 0 of 20, unsorted', () => {
    expect(pageRequest({}, ['name'])).toEqual({ page: 0, size: 20, sort: [] });
  });
  it('reads Spring-style sort parameters, repeated or not', () => {
    expect(pageRequest({ sort: ['name,DESC', 'createdDate'] }, ['name', 'createdDate']).sort).toEqual([
      { field: 'name', direction: 'desc' },
      { field: 'createdDate', direction: 'asc' },
    ]);
  });
  it('refuses unknown fields and directions, listing the allowed fields', () => {
    expect(() => pageRequest({ sort: 'secret,asc' }, ['name'])).toThrow(DomainError);
    expect(() => pageRequest({ sort: 'name,up' }, ['name'])).toThrow(/name/);
  });
});

describe('pageBody', () => {
  const page = (total: number, number: number, size: number) => ({ items: [], total, request: { page: number, size, sort: [] } });
  it.each([
    [0, 0, 20, 0],
    [1, 0, 20, 1],
    [20, 0, 20, 1],
    [21, 0, 20, 2],
    [100, 3, 25, 4],
  ])('total %i, page %i, size %i → %i pages', (total, number, size, pages) => {
    const body = pageBody('things', page(total, number, size), (x) => x, 'http://h/v2/content/things', {});
    expect(body.page).toEqual({ size, totalElements: total, totalPages: pages, number });
    expect(body._links.last!.href).toBe(`http://h/v2/content/things?page=${Math.max(pages - 1, 0)}&size=${size}`);
    expect(Boolean(body._links.next)).toBe(number + 1 < pages);
  });
  it('keeps other query parameters in its links', () => {
    const body = pageBody('things', page(50, 1, 10), (x) => x, 'http://h/x', { status: 'ACTIVE', sort: ['name,asc'], page: 1, size: 10 });
    expect(body._links.next!.href).toBe('http://h/x?status=ACTIVE&sort=name%2Casc&page=2&size=10');
  });
});
