import { describe, expect, it } from 'vitest';
import { safeRedirect } from './safe-redirect.ts';

describe('safeRedirect', () => {
  it('returns to the page the user asked for, with its filters', () => {
    expect(safeRedirect('/customers?rank=A&q=山田')).toBe('/customers?rank=A&q=山田');
  });

  it('refuses other sites, including protocol-relative and backslash tricks', () => {
    expect(safeRedirect('https://evil.example')).toBe('/');
    expect(safeRedirect('//evil.example/path')).toBe('/');
    expect(safeRedirect('/\\evil.example')).toBe('/');
  });

  it('never loops back to the sign-in page', () => {
    expect(safeRedirect('/sign-in?redirect=/customers')).toBe('/');
  });

  it('defaults to the home page', () => {
    expect(safeRedirect(undefined)).toBe('/');
    expect(safeRedirect('')).toBe('/');
  });
});
