import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { median, meetsTarget, round, treeRssKB } from '../../scripts/lib/bench.ts';
import { syntheticClient, writeSyntheticContent } from '../../scripts/lib/synthetic.ts';
import { checkContent } from '../../src/lib/content-check.ts';
import { isPrivateSlug } from '../../src/lib/slug.ts';

describe('bench helpers', () => {
  it('take medians of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('check targets written with a comparison, and only those', () => {
    expect(meetsTarget(1.2, '<= 1.3x')).toBe(true);
    expect(meetsTarget(1.31, '<= 1.3x')).toBe(false);
    expect(meetsTarget(61, '<= 60 s')).toBe(false);
    expect(meetsTarget(100, '= 100')).toBe(true);
    expect(meetsTarget(99, '= 100')).toBe(false);
    expect(meetsTarget(95, '>= 90')).toBe(true);
    expect(meetsTarget(5, 'fast')).toBeUndefined();
    expect(meetsTarget(5, undefined)).toBeUndefined();
  });

  it('round for display', () => {
    expect(round(1.23456)).toBe('1.23');
    expect(round(123.6)).toBe('124');
  });

  it('measure the memory of this process tree from /proc', () => {
    expect(treeRssKB(process.pid)).toBeGreaterThan(1000);
  });
});

describe('synthetic content', () => {
  it('gives each client a private slug and 9 themes in mixed scripts', () => {
    const client = syntheticClient(3);
    expect(isPrivateSlug(client.slug)).toBe(true);
    expect(client.yaml.match(/^ {2}- name:/gm)).toHaveLength(9);
    expect(client.yaml).toMatch(/[^\p{Script=Latin}\p{Script=Common}\s]/u);
  });

  it('gives no two of 100 clients the same themes in the same order, so each has a poster of its own', () => {
    const lists = Array.from({ length: 100 }, (_, index) =>
      JSON.stringify([...syntheticClient(index).yaml.matchAll(/^ {2}- name: (.*)$/gm)].map((match) => match[1])),
    );
    expect(new Set(lists).size).toBe(100);
  });

  it('passes the content check the build runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'synthetic-'));
    try {
      const slugs = writeSyntheticContent(dir, 12);
      expect(new Set(slugs).size).toBe(12);
      expect(readdirSync(join(dir, 'clients'))).toHaveLength(12);
      expect(checkContent(dir).filter((problem) => problem.level === 'error')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
