// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ShareWithCoach from '../../src/components/homework/ShareWithCoach.tsx';
import { readShareFragment } from '../../src/share/decode.ts';
import { ANSWERS_VERSION } from '../../src/schemas/answers.ts';
import { hasAnswers, seedAnswers } from '../../src/stores/model.ts';
import { answersStorageKey as storedAnswersKey, readSavedAnswers } from '../../src/stores/saved-answers.ts';
import { exportFile } from '../../src/stores/transfer.ts';
import { resetStorageEngine } from '../../src/stores/storage.ts';
import { sampleAnswers } from '../sample-answers.ts';

const slug = 'maya-y4185fjpwqev9y4j6fk69oit';
const store = (value: unknown) => localStorage.setItem(storedAnswersKey(slug), typeof value === 'string' ? value : JSON.stringify(value));

beforeEach(() => {
  resetStorageEngine();
  localStorage.clear();
});
afterEach(cleanup);

describe('reading the stored answers for sharing', () => {
  it('uses the answers store key, version and migration', () => {
    expect(storedAnswersKey(slug)).toBe(`workbook:${slug}:answers`);
    store({ version: ANSWERS_VERSION, data: sampleAnswers() });
    expect(readSavedAnswers(slug, [])).toEqual({ ok: true, answers: sampleAnswers() });
  });

  it('tells apart nothing stored, unreadable data and a newer version', () => {
    expect(readSavedAnswers(slug, [])).toEqual({ ok: false, reason: 'none' });
    store('{not json');
    expect(readSavedAnswers(slug, [])).toEqual({ ok: false, reason: 'unreadable' });
    store({ version: ANSWERS_VERSION, data: { values: 'nope' } });
    expect(readSavedAnswers(slug, [])).toEqual({ ok: false, reason: 'unreadable' });
    store({ version: ANSWERS_VERSION + 1, data: sampleAnswers() });
    expect(readSavedAnswers(slug, [])).toEqual({ ok: false, reason: 'newer' });
  });

  it('counts untouched seeded values as nothing to send', () => {
    const fresh = seedAnswers(sampleAnswers().values.map((value) => ({ id: value.id, name: value.label })));
    expect(hasAnswers(fresh)).toBe(false);
    expect(hasAnswers({ ...fresh, workbooks: { values: { notes: 'a thought' } } })).toBe(true);
    expect(hasAnswers({ ...fresh, updatedAt: 1 })).toBe(true);
  });

  it('wraps the answers in the export file shape', () => {
    const file = exportFile(slug, sampleAnswers(), Date.parse('2026-12-09T10:00:00Z'));
    expect(file).toEqual({ kind: 'coaching-workbook-answers', version: ANSWERS_VERSION, slug, exportedAt: '2026-12-09T10:00:00.000Z', data: sampleAnswers() });
  });
});

describe('ShareWithCoach', () => {
  const props = {
    slug,
    greeting: 'Maya',
    coachName: 'Jordan Ellis',
    coachEmail: 'jordan@example.com',
    reviewUrl: `https://coach.example/workbooks/coach/${slug}/review/`,
  };

  it('makes a link to the review page that carries the stored answers', async () => {
    store({ version: ANSWERS_VERSION, data: sampleAnswers() });
    render(<ShareWithCoach {...props} />);
    await userEvent.click(screen.getByRole('button', { name: 'Create the link' }));
    const field = await screen.findByRole('textbox', { name: 'Link for Jordan Ellis' });
    const link = (field as HTMLInputElement).value;
    expect(link.startsWith(`${props.reviewUrl}#v=1&slug=${slug}&crc=`)).toBe(true);
    const read = await readShareFragment(link.slice(link.indexOf('#')), slug);
    expect(read.ok && read.file.data).toEqual(sampleAnswers());
    expect(screen.getByRole('link', { name: 'Open in email' }).getAttribute('href')).toMatch(/^mailto:jordan@example\.com\?subject=/);
    expect(screen.getByRole('status').textContent).toBe('The link is ready.');
  });

  it('says when there is nothing to send', async () => {
    render(<ShareWithCoach {...props} />);
    await userEvent.click(screen.getByRole('button', { name: 'Create the link' }));
    expect(await screen.findByText(/There is nothing to send yet/)).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('offers only the file when the answers are too long for a link', async () => {
    const answers = sampleAnswers();
    answers.workbooks = { ...answers.workbooks, values: { notes: 'n'.repeat(199_000) } };
    answers.values[0]!.chain = Array.from({ length: 40 }, (_, i) => ({ id: `w${i}`, text: 'w'.repeat(80) }));
    store({ version: ANSWERS_VERSION, data: answers });
    render(<ShareWithCoach {...props} />);
    await userEvent.click(screen.getByRole('button', { name: 'Create the link' }));
    expect(await screen.findByText(/Your answers are too long for a link/, { selector: '.notice' })).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByRole('button', { name: 'Download answers file' })).toBeTruthy();
  });
});
