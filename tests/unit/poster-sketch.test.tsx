// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import PosterSketch from '../../src/components/poster/PosterSketch.tsx';
import { posterLayout, type PosterInput } from '../../src/poster/layout.ts';

afterEach(cleanup);

const input: PosterInput = {
  values: [{ label: 'Famille 家族', bold: 'dimanche' }, { label: 'Honesty' }, { label: 'Adventure' }, { label: 'Health' }],
  topN: 3,
  style: 'compass',
  size: 'square',
  title: 'What matters to me',
};

describe('the first poster preview, drawn by the page', () => {
  it('is one image named after the style and the values shown, in order', () => {
    render(<PosterSketch input={input} />);
    const image = screen.getByRole('img');
    expect(image).toHaveProperty(
      'ariaLabel',
      expect.stringMatching(/^Sketch of your poster, Compass style, shown while the full preview is drawn: Famille 家族, Honesty, Adventure$/),
    );
    expect(image.getAttribute('aria-label')).not.toContain('Health');
  });

  it('keeps the chosen size’s shape, so the engine’s image replaces it without moving anything', () => {
    const { rerender } = render(<PosterSketch input={input} />);
    expect(screen.getByRole('img').style.aspectRatio).toBe('1080 / 1080');
    rerender(<PosterSketch input={{ ...input, size: 'phone' }} />);
    expect(screen.getByRole('img').style.aspectRatio).toBe('1179 / 2556');
  });

  it('draws the same text as the engine’s layout, with the bold word and the title', () => {
    render(<PosterSketch input={input} />);
    const drawn = screen.getByRole('img').textContent ?? '';
    const layout = posterLayout({ ...input, scale: 1 });
    expect(drawn.replace(/\s+/g, '')).toBe(layout.text.replace(/\s+/g, ''));
    expect(drawn).toContain('dimanche');
    expect(drawn).toContain('What matters to me');
  });
});
