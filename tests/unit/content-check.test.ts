import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content-check.ts';

describe('the shipped content', () => {
  it('has no errors and no warnings', () => {
    expect(checkContent()).toEqual([]);
  });
});
