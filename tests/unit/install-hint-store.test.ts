import { cleanTestStorage, getTestStorage, setTestStorageKey, useTestStorageEngine } from '@nanostores/persistent';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dismissInstallHint, installHint, installHintStorageKey, isInstallHintDismissed } from '../../src/stores/install-hint.ts';

beforeAll(() => {
  useTestStorageEngine();
});

afterEach(() => {
  cleanTestStorage();
});

describe('the install hint store', () => {
  it('keys the hint by client, beside their answers', () => {
    expect(installHintStorageKey('maya-abc')).toBe('workbook:maya-abc:install-hint');
  });

  it('starts open and remembers a dismissal under that client only', () => {
    expect(isInstallHintDismissed('ana-1')).toBe(false);
    dismissInstallHint('ana-1');
    expect(isInstallHintDismissed('ana-1')).toBe(true);
    expect(isInstallHintDismissed('boris-2')).toBe(false);
    expect(getTestStorage()).toEqual({ 'workbook:ana-1:install-hint': 'dismissed' });
  });

  it('reads a dismissal saved on an earlier visit', () => {
    setTestStorageKey('workbook:chen-3:install-hint', 'dismissed');
    expect(isInstallHintDismissed('chen-3')).toBe(true);
  });

  it('treats anything else under its key as not dismissed', () => {
    setTestStorageKey('workbook:dana-4:install-hint', '{"broken"');
    expect(installHint('dana-4').get()).toBe('open');
  });
});
