// @vitest-environment jsdom
import { cleanTestStorage, getTestStorage } from '@nanostores/persistent';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import NotesEditor from '../../src/components/homework/NotesEditor.tsx';
import { $answers, answersStorageKey, resetAnswersForTests } from '../../src/stores/answers.ts';
import { encodeStored } from '../../src/stores/migrate.ts';
import { seedAnswers } from '../../src/stores/model.ts';
import { startEachTestWithNoAnswers } from './answers-setup.ts';

const props = { slug: 'maya-abcdefghijklmnopqrst', themes: [{ id: 'creativity', name: 'Creativity' }] };

startEachTestWithNoAnswers();
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('notes', () => {
  it('saves as it is typed and prints the whole text from a copy, not the textarea', async () => {
    const user = userEvent.setup();
    render(<NotesEditor {...props} />);
    const area = screen.getByLabelText('Your notes');
    await user.type(area, 'A thought on the train.{Enter}A question for next time.');
    expect($answers.get().workbooks.values?.notes).toBe('A thought on the train.\nA question for next time.');
    expect(JSON.parse(getTestStorage()[answersStorageKey(props.slug)]!).data.workbooks.values?.notes).toBe($answers.get().workbooks.values?.notes);
    expect(document.querySelector('.print-mirror')?.textContent).toBe('A thought on the train.\nA question for next time.');
  });

  it('hydrates over the server HTML with saved answers without a mismatch (rule 5)', async () => {
    const serverHtml = renderToString(<NotesEditor {...props} />);
    resetAnswersForTests();
    cleanTestStorage();
    getTestStorage()[answersStorageKey(props.slug)] = encodeStored({
      ...seedAnswers(props.themes),
      workbooks: { values: { notes: 'Saved last night' } },
      updatedAt: 1_780_000_000_000,
    });
    const container = document.createElement('div');
    container.innerHTML = serverHtml;
    document.body.append(container);
    const errors = vi.spyOn(console, 'error');
    const recoverable = vi.fn();
    await act(async () => {
      hydrateRoot(container, <NotesEditor {...props} />, { onRecoverableError: recoverable });
    });
    expect(recoverable).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    expect(container.querySelector('textarea')?.value).toBe('Saved last night');
    container.remove();
  });
});
