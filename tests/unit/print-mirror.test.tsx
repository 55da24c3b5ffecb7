// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PrintableTextarea, PrintMirror } from '../../src/components/print/PrintMirror.tsx';

afterEach(cleanup);

const note = Array.from({ length: 30 }, (_, index) => `line ${index + 1}`).join('\n');

describe('printing a textarea in full', () => {
  it('mirrors every line of the text, kept away from screen readers', () => {
    const { container } = render(<PrintMirror text={note} />);
    const mirror = container.firstElementChild as HTMLElement;
    expect(mirror.textContent).toBe(note);
    expect(mirror.getAttribute('aria-hidden')).toBe('true');
    expect(mirror.classList.contains('print-only')).toBe(true);
  });

  it('puts the mirror right after a working, labelled textarea', () => {
    render(
      <label>
        Notes
        <PrintableTextarea value={note} onChange={() => undefined} rows={3} />
      </label>,
    );
    const textarea = screen.getByRole('textbox', { name: 'Notes' });
    expect((textarea as HTMLTextAreaElement).value).toBe(note);
    expect(textarea.nextElementSibling?.classList.contains('print-mirror')).toBe(true);
    expect(textarea.nextElementSibling?.textContent).toBe(note);
  });
});
