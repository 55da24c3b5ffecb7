// @vitest-environment jsdom
import { setPersistentEngine, setTestStorageKey } from '@nanostores/persistent';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import NotesEditor from '../../src/components/homework/NotesEditor.tsx';
import { $answers, answersStorageKey, setNotes } from '../../src/stores/answers.ts';
import { seedAnswers } from '../../src/stores/model.ts';
import { unavailableStorage } from '../../src/stores/storage.ts';
import { exportFile } from '../../src/stores/transfer.ts';
import { fillableStorage, noEvents, startEachTestWithNoAnswers } from './answers-setup.ts';

const props = {
  slug: 'maya-abcdefghijklmnopqrst',
  themes: [
    { id: 'creativity', name: 'Creativity' },
    { id: 'family', name: 'Family' },
  ],
};

/** Catches "downloads": the blob handed to an object URL, read back as text. */
function catchDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return 'blob:test';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { names, text: async (index = 0) => blobs[index]!.text() };
}

startEachTestWithNoAnswers();
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('storage banner and saved line', () => {
  it('says quietly that answers are saved, and when', async () => {
    const user = userEvent.setup();
    render(<NotesEditor {...props} />);
    expect(screen.getByText('Saved in this browser as you go')).toBeTruthy();
    await user.type(screen.getByLabelText('Your notes'), 'x');
    expect(screen.getByText('Saved · just now')).toBeTruthy();
  });

  it('explains that nothing is kept when storage is unavailable, and offers the download', async () => {
    setPersistentEngine(unavailableStorage(new DOMException('denied', 'SecurityError')), noEvents);
    const downloads = catchDownloads();
    const user = userEvent.setup();
    render(<NotesEditor {...props} />);
    expect(screen.getByText('Your answers are not being saved.')).toBeTruthy();
    expect(screen.getByText('Not saved · kept on this page only')).toBeTruthy();
    await user.type(screen.getByLabelText('Your notes'), 'kept in memory');
    await user.click(screen.getAllByRole('button', { name: 'Download my answers' })[0]!);
    const file = JSON.parse(await downloads.text());
    expect(file).toMatchObject({ kind: 'coaching-workbook-answers', slug: props.slug, data: { workbooks: { values: { notes: 'kept in memory' } } } });
    expect(downloads.names[0]).toMatch(/^maya-answers-\d{4}-\d{2}-\d{2}\.json$/);
  });

  it('says "not saved" when storage is full, and clears it on the next good write', async () => {
    const storage = fillableStorage();
    setPersistentEngine(storage.engine, noEvents);
    const user = userEvent.setup();
    render(<NotesEditor {...props} />);
    storage.full = true;
    await user.type(screen.getByLabelText('Your notes'), 'a');
    expect(screen.getByText('Your last change is not saved.')).toBeTruthy();
    expect(screen.getByText(/storage for the workbook is full/)).toBeTruthy();
    expect(screen.getByLabelText('Your notes')).toHaveProperty('value', 'a');
    storage.full = false;
    await user.type(screen.getByLabelText('Your notes'), 'b');
    expect(screen.queryByText('Your last change is not saved.')).toBeNull();
    expect(JSON.parse(storage.items[answersStorageKey(props.slug)]!).data.workbooks.values.notes).toBe('ab');
  });

  it('tells the client when stored answers could not be read, and lets them download the copy', async () => {
    setTestStorageKey(answersStorageKey(props.slug), '{"version":1,"data":{broken');
    const downloads = catchDownloads();
    const user = userEvent.setup();
    render(<NotesEditor {...props} />);
    expect(screen.getByText('Some saved answers could not be read')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Download the copy' }));
    expect(await downloads.text()).toBe('{"version":1,"data":{broken');
    expect(downloads.names[0]).toMatch(/^maya-answers-backup-.*\.txt$/);
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText('Some saved answers could not be read')).toBeNull();
  });
});

describe('import', () => {
  const fileOf = (body: unknown, name = 'maya-answers.json') =>
    new File([typeof body === 'string' ? body : JSON.stringify(body)], name, { type: 'application/json' });

  it('shows what will change before replacing, and replaces only when asked', async () => {
    const user = userEvent.setup();
    render(<NotesEditor {...props} />);
    const incoming = { ...seedAnswers(props.themes), workbooks: { values: { notes: 'From my laptop' } }, updatedAt: Date.now() + 1000 };
    await user.upload(screen.getByLabelText('Import answers from a file'), fileOf(exportFile(props.slug, incoming, Date.now())));
    const preview = await screen.findByRole('region', { name: 'Check before you import' });
    expect(preview.textContent).toContain('Notes: 0 characters now, 14 characters in the file.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Check before you import' })));
    expect($answers.get().workbooks.values?.notes ?? '').toBe('');
    await user.click(screen.getByRole('button', { name: 'Replace my answers with this file' }));
    expect($answers.get().workbooks.values?.notes).toBe('From my laptop');
    expect(screen.getByText('Imported. Your answers now match maya-answers.json.')).toBeTruthy();
  });

  it('keeps the answers as they are when the client says so', async () => {
    const user = userEvent.setup();
    render(<NotesEditor {...props} />);
    setNotes('values', 'mine');
    await user.upload(
      screen.getByLabelText('Import answers from a file'),
      fileOf(exportFile(props.slug, { ...seedAnswers(props.themes), workbooks: { values: { notes: 'theirs' } }, updatedAt: 1 }, 1)),
    );
    await screen.findByRole('region', { name: 'Check before you import' });
    await user.click(screen.getByRole('button', { name: 'Keep my answers as they are' }));
    expect($answers.get().workbooks.values?.notes).toBe('mine');
  });

  it('refuses a bad file with one line, and changes nothing', async () => {
    const user = userEvent.setup();
    render(<NotesEditor {...props} />);
    setNotes('values', 'mine');
    const before = $answers.get();
    const hostile = exportFile('sam-zyxwvutsrqponmlkjihgf', { ...seedAnswers(props.themes), workbooks: { values: { notes: '<script>alert(1)</script>' } } }, 1);
    await user.upload(screen.getByLabelText('Import answers from a file'), fileOf(hostile, 'sam.json'));
    await waitFor(() => expect(screen.getByText('This file holds answers from a different workbook, so nothing was changed.')).toBeTruthy());
    expect(screen.queryByRole('region', { name: 'Check before you import' })).toBeNull();
    expect($answers.get()).toBe(before);
  });
});
