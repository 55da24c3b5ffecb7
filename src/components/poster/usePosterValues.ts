import { useEffect, useState } from 'react';
import type { PosterValue } from '../../poster/layout.ts';
import { onStoredValuesChange, readPosterValues, themeValues, type PosterTheme } from '../../poster/browser/stored-values.ts';

/**
 * The client's values for the poster, most important first. The first render
 * uses the coach's themes, as the server did, so hydration matches; the
 * client's own ranking follows straight after.
 */
export function usePosterValues(slug: string, themes: readonly PosterTheme[]): PosterValue[] {
  const [values, setValues] = useState<PosterValue[]>(() => themeValues(themes));
  useEffect(() => {
    const update = () => setValues(readPosterValues(slug, themes));
    update();
    return onStoredValuesChange(slug, update);
  }, [slug, themes]);
  return values;
}
