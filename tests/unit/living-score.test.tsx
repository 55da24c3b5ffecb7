// @vitest-environment jsdom
import { cleanTestStorage, useTestStorageEngine } from '@nanostores/persistent';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import LivingScore from '../../src/components/homework/LivingScore.tsx';
import { $answers, resetAnswersForTests } from '../../src/stores/answers.ts';

const props = {
  slug: 'maya-abcdefghijklmnopqrst',
  themes: [
    { id: 'creativity', name: 'Creativity' },
    { id: 'family', name: 'Family' },
    { id: 'health', name: 'Health' },
  ],
};

beforeEach(() => {
  resetAnswersForTests();
  useTestStorageEngine();
  cleanTestStorage();
});
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

  it('draws importance against living and names the biggest gaps in words', async () => {
    const user = userEvent.setup();
    render(<LivingScore {...props} />);
    expect(screen.getByRole('img', { name: 'Importance and living, in your rank order' })).toBeTruthy();
    expect(screen.getByText('Rate your values to see where living and importance meet.')).toBeTruthy();
    await user.click(within(screen.getByRole('group', { name: /^1\. Creativity/ })).getByRole('radio', { name: '2' }));
    await user.click(within(screen.getByRole('group', { name: /^2\. Family/ })).getByRole('radio', { name: '5' }));
    expect(screen.getByText('Biggest gaps: Creativity (rank 1, living 2 of 10).')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Living score of each value, in rank order' });
    expect(within(table).getByRole('row', { name: /Creativity/ }).textContent).toBe('1Creativity2 of 10Big gap');
    expect(within(table).getByRole('row', { name: /Health/ }).textContent).toBe('3HealthNot yet rated');
  });
});
