// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import LivingScore from '../../src/components/homework/LivingScore.tsx';
import { $answers } from '../../src/stores/answers.ts';
import { confirmRanking } from '../../src/stores/ranking.ts';
import { SLUG, startEachTestWithNoAnswers, THEMES } from './answers-setup.ts';

const props = { slug: SLUG, themes: THEMES };

startEachTestWithNoAnswers();
afterEach(cleanup);

describe('living score', () => {
  it('offers 1 to 10 for each value, with "not yet rated" as its own state', async () => {
    const user = userEvent.setup();
    render(<LivingScore {...props} />);
    const creativity = screen.getByRole('group', { name: /^1\. Creativity/ });
    expect(within(creativity).getAllByRole('radio')).toHaveLength(11);
    expect(within(creativity).getByRole('radio', { name: 'Not yet rated' })).toHaveProperty('checked', true);
    expect(creativity.textContent).toContain('not yet rated');
    await user.click(within(creativity).getByRole('radio', { name: '7' }));
    expect(within(creativity).getByRole('radio', { name: '7' })).toHaveProperty('checked', true);
    expect(screen.getByRole('group', { name: /Creativity · 7 of 10/ })).toBeTruthy();
    expect($answers.get().values[0]!.rating).toBe(7);
    await user.click(within(creativity).getByRole('radio', { name: 'Not yet rated' }));
    expect($answers.get().values[0]!.rating).toBeNull();
  });

  it('does not draw the chart in an order the client never chose: it asks for a ranking first', () => {
    render(<LivingScore {...props} />);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText(/This chart needs your ranking: put your values in order on the Stack rank page/)).toBeTruthy();
  });

  it('draws each living score and its gap to 10 in rank order, and names the gaps worth a look in words', async () => {
    const user = userEvent.setup();
    render(<LivingScore {...props} />);
    act(() => confirmRanking());
    expect(screen.getByRole('img', { name: 'Your living scores, in your rank order' })).toBeTruthy();
    expect(screen.getByText('Score your values to see the gap between each score and 10.')).toBeTruthy();
    await user.click(within(screen.getByRole('group', { name: /^1\. Creativity/ })).getByRole('radio', { name: '2' }));
    await user.click(within(screen.getByRole('group', { name: /^2\. Family/ })).getByRole('radio', { name: '5' }));
    expect(
      screen.getByText('Worth a look: Creativity (rank 1, living 2 of 10, gap 8). These are near the top of your ranking with a gap of 4 or more.'),
    ).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Living score of each value, in rank order' });
    expect(within(table).getByRole('row', { name: /Creativity/ }).textContent).toBe('1Creativity2 of 108, worth a look');
    expect(within(table).getByRole('row', { name: /Family/ }).textContent).toBe('2Family5 of 105');
    expect(within(table).getByRole('row', { name: /Health/ }).textContent).toBe('3HealthNot yet rated');
  });
});
