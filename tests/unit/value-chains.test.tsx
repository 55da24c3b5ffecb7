// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import ValueChains from '../../src/components/homework/ValueChains.tsx';
import { $answers } from '../../src/stores/answers.ts';
import { startEachTestWithNoAnswers } from './answers-setup.ts';

const props = {
  slug: 'maya-abcdefghijklmnopqrst',
  themes: [
    { id: 'creativity', name: 'Creativity' },
    { id: 'family', name: 'Family' },
    { id: 'growth', name: 'Personal growth' },
  ],
};
const card = (name: string) => screen.getByRole('region', { name });

startEachTestWithNoAnswers();
afterEach(cleanup);

describe('value chains', () => {
  it('adds words with Enter and with the button, and reads the chain back', async () => {
    const user = userEvent.setup();
    render(<ValueChains {...props} />);
    const growth = card('Personal growth');
    const input = within(growth).getByLabelText('Add a word or phrase to Personal growth');
    await user.type(input, 'reading{Enter}');
    expect(input).toHaveProperty('value', '');
    await user.type(input, 'challenging myself');
    await user.click(within(growth).getByRole('button', { name: 'Add to Personal growth' }));
    expect(within(growth).getByRole('list', { name: 'Words for Personal growth' }).textContent).toContain('challenging myself');
    expect(growth.querySelector('.chain-line')?.textContent).toBe('Personal growth / reading / challenging myself');
  });

  it('marks one word bold, edits, reorders and removes words', async () => {
    const user = userEvent.setup();
    render(<ValueChains {...props} />);
    const creativity = card('Creativity');
    await user.type(within(creativity).getByLabelText('Add a word or phrase to Creativity'), 'sketching{Enter}flow{Enter}');
    const star = within(creativity).getByRole('button', { name: 'flow sums up Creativity' });
    await user.click(star);
    expect(star.getAttribute('aria-pressed')).toBe('true');
    expect(creativity.querySelector('.chain-line strong')?.textContent).toBe('flow');
    await user.click(within(creativity).getByRole('button', { name: 'sketching sums up Creativity' }));
    expect(star.getAttribute('aria-pressed')).toBe('false');

    await user.click(within(creativity).getByRole('button', { name: 'Edit the word sketching' }));
    const edit = within(creativity).getByLabelText('Edit the word sketching');
    await user.clear(edit);
    await user.type(edit, 'sketching ideas{Enter}');
    await user.click(within(creativity).getByRole('button', { name: 'Move flow earlier' }));
    expect(creativity.querySelector('.chain-line')?.textContent).toBe('Creativity / flow / sketching ideas');
    await user.click(within(creativity).getByRole('button', { name: 'Remove the word flow' }));
    expect(creativity.querySelector('.chain-line')?.textContent).toBe('Creativity / sketching ideas');
  });

  it('renames a value in one click, refuses markup, and Escape cancels', async () => {
    const user = userEvent.setup();
    render(<ValueChains {...props} />);
    await user.click(screen.getByRole('button', { name: 'Rename Family' }));
    const name = screen.getByLabelText('New name for Family');
    await user.clear(name);
    await user.type(name, '<b>Kin</b>{Enter}');
    expect(screen.getByText(/leave out the < and > tags/)).toBeTruthy();
    await user.clear(name);
    await user.type(name, 'Kin{Enter}');
    expect(screen.getByRole('heading', { name: 'Kin' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rename Kin' }));
    await user.click(screen.getByRole('button', { name: 'Rename Kin' }));
    await user.type(screen.getByLabelText('New name for Kin'), 'xyz{Escape}');
    expect(screen.getByRole('heading', { name: 'Kin' })).toBeTruthy();
  });

  it('removes a value with undo, and merges two values joining their chains', async () => {
    const user = userEvent.setup();
    render(<ValueChains {...props} />);
    await user.click(within(card('Family')).getByText('Merge or remove'));
    await user.click(screen.getByRole('button', { name: 'Remove Family from your values' }));
    expect(screen.queryByRole('region', { name: 'Family' })).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('Removed Family.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Undo' }));
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(card('Family')).toBeTruthy();

    await user.type(within(card('Personal growth')).getByLabelText('Add a word or phrase to Personal growth'), 'reading{Enter}');
    await user.click(within(card('Creativity')).getByText('Merge or remove'));
    await user.selectOptions(screen.getByLabelText('Merge another value into Creativity'), 'Personal growth');
    await user.click(within(card('Creativity')).getByRole('button', { name: 'Merge' }));
    expect(screen.queryByRole('region', { name: 'Personal growth' })).toBeNull();
    expect(card('Creativity').querySelector('.chain-line')?.textContent).toBe('Creativity / Personal growth / reading');
    expect(screen.getByRole('status').textContent).toContain('Merged Personal growth into Creativity.');
  });

  it('adds a value of the client’s own, offering the card sort names as suggestions', async () => {
    const user = userEvent.setup();
    render(<ValueChains {...props} />);
    const field = screen.getByLabelText('Value name');
    const suggestions = document.getElementById(field.getAttribute('list') ?? '')!;
    const names = [...suggestions.querySelectorAll('option')].map((option) => option.value);
    expect(names).toContain('World peace');
    expect(names).not.toContain('Creativity');
    expect(names).toHaveLength(81);
    await user.type(field, 'Humor{Enter}');
    expect(card('Humor')).toBeTruthy();
    expect(screen.getByText(/4 of 20 values/)).toBeTruthy();
    expect($answers.get().values.at(-1)).toMatchObject({ label: 'Humor', origin: 'client' });
  });
});
