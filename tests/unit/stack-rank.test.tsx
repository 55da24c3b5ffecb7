// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import StackRank from '../../src/components/homework/StackRank.tsx';
import { $answers, $rankedValues, replaceAnswers } from '../../src/stores/answers.ts';
import { localDay } from '../../src/stores/model.ts';
import { SLUG, startEachTestWithNoAnswers, THEMES } from './answers-setup.ts';

const props = { slug: SLUG, themes: THEMES };
const order = () => $rankedValues.get().map((value) => value.label);
const announced = () => screen.getAllByRole('status').map((region) => region.textContent);
const notes = () => within(screen.getByRole('list', { name: 'Your ranking, most important first' })).getAllByRole('listitem');

startEachTestWithNoAnswers();
afterEach(cleanup);

describe('stack rank', () => {
  it('shows the values as numbered notes, with drag handles named by value', () => {
    render(<StackRank {...props} />);
    expect(notes().map((note) => note.textContent?.replace(/\s+/g, ' '))).toEqual([
      expect.stringMatching(/^11\. Creativity/),
      expect.stringMatching(/^22\. Family/),
      expect.stringMatching(/^33\. Health/),
    ]);
    const handle = screen.getByRole('button', { name: 'Drag Creativity, at position 1 of 3' });
    expect(handle.getAttribute('aria-roledescription')).toBe('sortable');
  });

  it('moves with the Move up and Move down buttons, announcing the label and keeping focus', async () => {
    const user = userEvent.setup();
    render(<StackRank {...props} />);
    expect(screen.getByRole('button', { name: 'Move Creativity up' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: 'Move Creativity down' }));
    expect(order()).toEqual(['Family', 'Creativity', 'Health']);
    expect(announced()).toContain('Creativity moved to position 2 of 3.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Creativity down' }));
    await user.click(screen.getByRole('button', { name: 'Move Creativity down' }));
    expect(announced()).toContain('Creativity moved to position 3 of 3.');
    // At the bottom, Move down is disabled, so focus goes to Move up.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Creativity up' }));
    await user.click(screen.getByRole('button', { name: 'Move Health up' }));
    expect(order()).toEqual(['Health', 'Family', 'Creativity']);
  });

  it('keeps a snapshot for today, and shows how each value moved since the first day', async () => {
    const user = userEvent.setup();
    render(<StackRank {...props} />);
    expect(screen.getByText(/Not ranked yet/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'This order is right for today' }));
    expect($answers.get().history).toEqual([{ date: localDay(Date.now()), order: ['creativity', 'family', 'health'] }]);
    expect(screen.getByText(/Ranked on one day/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'This order is right for today' })).toBeNull();

    const answers = $answers.get();
    act(() => replaceAnswers({ ...answers, history: [{ date: '2026-12-01', order: ['health', 'family', 'creativity'] }, ...answers.history] }));
    expect(notes()[0]!.textContent).toContain('Up 2 places since 1 December');
    expect(notes()[1]!.textContent).toContain('Same place as on 1 December');
    expect(notes()[2]!.textContent).toContain('Down 2 places since 1 December');
    expect(screen.getByText(/Ranked on 2 days, first on 1 December/)).toBeTruthy();
  });
});
