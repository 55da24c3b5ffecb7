// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COACH_FILE_KIND } from '../../src/schemas/coach-session.ts';
import {
  $coachSession,
  $coachStatus,
  $coachUnreadable,
  clockElapsed,
  closeCoachSession,
  coachFile,
  coachStorageKey,
  describeCoachStatus,
  formatClock,
  importCoachFile,
  initCoachSession,
  pauseClock,
  setChecklistItem,
  setExplored,
  setNote,
  startClock,
} from '../../src/stores/coach.ts';
import { resetStorageEngine, useStorageEngine, type StorageEngine } from '../../src/stores/storage.ts';

const MAYA = 'maya-y4185fjpwqev9y4j6fk69oit';
const SAM = 'sam-h5j8k1l4z7x0c3v6b9n2m5q8';

/** A storage that works until told to fail, like a browser that fills up. */
function flakyStorage(failWith: () => Error) {
  const items = new Map<string, string>();
  let failing = false;
  const engine: StorageEngine = {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      if (failing) throw failWith();
      items.set(key, value);
    },
    removeItem: (key) => void items.delete(key),
  };
  return { engine, items, fail: () => (failing = true) };
}

function quotaError(): Error {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

function reload(slug: string) {
  closeCoachSession();
  initCoachSession(slug);
}

beforeEach(() => {
  localStorage.clear();
  resetStorageEngine();
  closeCoachSession();
});

afterEach(() => {
  closeCoachSession();
  resetStorageEngine();
});

describe('coach store persistence', () => {
  it('saves every change under the coach key, versioned, and never under the client answers key', () => {
    initCoachSession(MAYA);
    setNote('creativity-1', 'Creativity', 'Lights up about the prototype week');
    setExplored('creativity-1', true);
    setChecklistItem('discovery-doc', true);

    const stored = JSON.parse(localStorage.getItem(coachStorageKey(MAYA))!);
    expect(coachStorageKey(MAYA)).toBe(`coach:${MAYA}:session`);
    expect(stored.version).toBe(1);
    expect(stored.data.notes['creativity-1']).toEqual({ label: 'Creativity', text: 'Lights up about the prototype week' });
    expect(stored.data.explored).toEqual(['creativity-1']);
    expect(stored.data.checklist).toEqual(['discovery-doc']);
    expect(localStorage.getItem(`workbook:${MAYA}:answers`)).toBeNull();
    expect(Object.keys(localStorage)).toEqual([coachStorageKey(MAYA)]);
    expect($coachStatus.get().kind).toBe('saved');
  });

  it('brings everything back after a reload', () => {
    initCoachSession(MAYA);
    setNote('opening', 'Opening', 'Noticed the word "alive" twice');
    setExplored('family-2', true);
    setExplored('family-2', false);
    setExplored('health-3', true);
    reload(MAYA);
    expect($coachSession.get().notes.opening?.text).toBe('Noticed the word "alive" twice');
    expect($coachSession.get().explored).toEqual(['health-3']);
    expect($coachStatus.get().kind).toBe('ready');
  });

  it('keeps two clients apart, even with the same theme', () => {
    initCoachSession(MAYA);
    setNote('creativity-1', 'Creativity', "Maya's notes");
    reload(SAM);
    expect($coachSession.get().notes).toEqual({});
    setNote('creativity-1', 'Creativity', "Sam's notes");
    reload(MAYA);
    expect($coachSession.get().notes['creativity-1']?.text).toBe("Maya's notes");
  });

  it('takes changes made in another tab', () => {
    initCoachSession(MAYA);
    setNote('opening', 'Opening', 'this tab');
    const other = { version: 1, data: { ...$coachSession.get(), notes: { opening: { label: 'Opening', text: 'the other tab' } } } };
    window.dispatchEvent(new StorageEvent('storage', { key: coachStorageKey(MAYA), newValue: JSON.stringify(other) }));
    expect($coachSession.get().notes.opening?.text).toBe('the other tab');
    expect($coachStatus.get().kind).toBe('synced');

    window.dispatchEvent(new StorageEvent('storage', { key: coachStorageKey(SAM), newValue: JSON.stringify({ version: 1, data: { notes: 'x' } }) }));
    expect($coachSession.get().notes.opening?.text).toBe('the other tab');
  });

  it('runs the session clock across pauses and reloads', () => {
    initCoachSession(MAYA);
    startClock(1_000);
    pauseClock(61_000);
    startClock(100_000);
    reload(MAYA);
    expect(clockElapsed($coachSession.get().clock, 130_000)).toBe(90_000);
    expect(formatClock(90_000)).toBe('1:30');
    expect(formatClock(3_725_000)).toBe('1:02:05');
  });
});

describe('coach store failures are shown, never silent', () => {
  it('says so when storage is turned off, and keeps the notes in the tab', () => {
    useStorageEngine(null);
    initCoachSession(MAYA);
    expect($coachStatus.get().kind).toBe('unavailable');
    setNote('opening', 'Opening', 'still here');
    expect($coachSession.get().notes.opening?.text).toBe('still here');
    expect($coachStatus.get().kind).toBe('unavailable');
    expect(describeCoachStatus($coachStatus.get())).toMatchObject({ tone: 'error', text: expect.stringContaining('export them before you leave') });
  });

  it('says so when storage is full, and recovers once there is room', () => {
    const storage = flakyStorage(quotaError);
    useStorageEngine(storage.engine);
    initCoachSession(MAYA);
    setNote('opening', 'Opening', 'saved');
    storage.fail();
    setNote('opening', 'Opening', 'saved, then more');
    expect($coachStatus.get().kind).toBe('quota');
    expect($coachSession.get().notes.opening?.text).toBe('saved, then more');
    expect(describeCoachStatus($coachStatus.get()).tone).toBe('error');
    expect(JSON.parse(storage.items.get(coachStorageKey(MAYA))!).data.notes.opening.text).toBe('saved');
  });

  it('keeps a copy of unreadable data before starting afresh', () => {
    localStorage.setItem(coachStorageKey(MAYA), '{"version":1,"data":{"notes":');
    initCoachSession(MAYA);
    const status = $coachStatus.get();
    expect(status).toMatchObject({ kind: 'recovered', reason: 'corrupt' });
    const backupKey = status.kind === 'recovered' ? status.backupKey : '';
    expect(backupKey).toMatch(new RegExp(`^coach:${MAYA}:session:backup:\\d+$`));
    expect(localStorage.getItem(backupKey)).toBe('{"version":1,"data":{"notes":');
    expect($coachUnreadable.get()).toBe('{"version":1,"data":{"notes":');
    expect(describeCoachStatus(status).tone).toBe('warn');
  });

  it('keeps data from a newer version instead of misreading it', () => {
    localStorage.setItem(coachStorageKey(MAYA), JSON.stringify({ version: 2, data: { anything: true } }));
    initCoachSession(MAYA);
    expect($coachStatus.get()).toMatchObject({ kind: 'recovered', reason: 'newer' });
  });

  it('will not save over unreadable data it could not copy', () => {
    const storage = flakyStorage(quotaError);
    storage.items.set(coachStorageKey(MAYA), 'not json');
    storage.fail();
    useStorageEngine(storage.engine);
    initCoachSession(MAYA);
    expect($coachStatus.get()).toMatchObject({ kind: 'protected', reason: 'corrupt' });
    setNote('opening', 'Opening', 'typed later');
    expect(storage.items.get(coachStorageKey(MAYA))).toBe('not json');
    expect($coachSession.get().notes.opening?.text).toBe('typed later');
    expect($coachStatus.get().kind).toBe('protected');
  });
});

describe('coach data export and import', () => {
  it('round-trips through the export file', () => {
    initCoachSession(MAYA);
    setNote('creativity-1', 'Creativity', 'Prototype week');
    setExplored('creativity-1', true);
    const file = coachFile(MAYA, 'Maya Okafor', new Date('2026-12-03T15:00:00Z'));
    expect(file).toMatchObject({ kind: COACH_FILE_KIND, version: 1, slug: MAYA, client: 'Maya Okafor', exportedAt: '2026-12-03T15:00:00.000Z' });
    const text = JSON.stringify(file);

    localStorage.clear();
    reload(MAYA);
    expect($coachSession.get().notes).toEqual({});
    expect(importCoachFile(text, 'coach-notes.json')).toEqual({ ok: true });
    expect($coachSession.get().notes['creativity-1']?.text).toBe('Prototype week');
    expect($coachStatus.get()).toMatchObject({ kind: 'imported', backupKey: null });
    reload(MAYA);
    expect($coachSession.get().explored).toEqual(['creativity-1']);
  });

  it('keeps the notes already here as a backup before importing over them', () => {
    initCoachSession(MAYA);
    setNote('opening', 'Opening', 'older notes');
    const file = JSON.stringify({ ...coachFile(MAYA, 'Maya Okafor'), data: { ...$coachSession.get(), notes: {} } });
    setNote('opening', 'Opening', 'newer notes');
    expect(importCoachFile(file, 'notes.json')).toEqual({ ok: true });
    const status = $coachStatus.get();
    expect(status.kind).toBe('imported');
    const backupKey = status.kind === 'imported' ? status.backupKey : null;
    expect(JSON.parse(localStorage.getItem(backupKey!)!).data.notes.opening.text).toBe('newer notes');
  });

  it("refuses another client's notes, a file that is not JSON, and a file of the wrong shape, changing nothing", () => {
    initCoachSession(MAYA);
    setNote('opening', 'Opening', 'mine');
    const before = localStorage.getItem(coachStorageKey(MAYA));

    expect(importCoachFile(JSON.stringify(coachFile(SAM, 'Sam Lee')), 'sam.json')).toEqual({
      ok: false,
      problems: [`error: sam.json: slug: expected notes for this client (${MAYA}), found notes for "${SAM}" (28 characters)`],
    });
    expect(importCoachFile('{ nope', 'notes.txt')).toEqual({
      ok: false,
      problems: ['error: notes.txt: (file): expected a JSON file exported from a session guide, found text that is not JSON'],
    });
    const wrong = {
      kind: 'coaching-workbook-answers',
      version: 1,
      slug: MAYA,
      client: 'Maya',
      exportedAt: 'now',
      data: { checklist: [], notes: { opening: { label: 'Opening', text: 7 } }, explored: [], clock: { elapsedMs: 0, startedAt: null }, updatedAt: 0 },
    };
    expect(importCoachFile(JSON.stringify(wrong), 'answers.json')).toMatchInlineSnapshot(`
      {
        "ok": false,
        "problems": [
          "error: answers.json: kind: expected a coach notes file exported from a session guide, found "coaching-workbook-answers" (25 characters)",
          "error: answers.json: data.notes.opening.text: expected notes as text, found 7",
        ],
      }
    `);
    expect(localStorage.getItem(coachStorageKey(MAYA))).toBe(before);
    expect($coachSession.get().notes.opening?.text).toBe('mine');
  });

  it('refuses to import over notes it cannot back up', () => {
    const storage = flakyStorage(quotaError);
    useStorageEngine(storage.engine);
    initCoachSession(MAYA);
    setNote('opening', 'Opening', 'precious');
    const file = JSON.stringify({ ...coachFile(MAYA, 'Maya Okafor'), data: { ...$coachSession.get(), notes: {} } });
    storage.fail();
    const result = importCoachFile(file, 'notes.json');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problems[0]).toContain('storage full; export the notes here first');
    expect($coachSession.get().notes.opening?.text).toBe('precious');
  });
});
