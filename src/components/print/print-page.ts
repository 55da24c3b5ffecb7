import { hasAnswers } from '../../stores/model.ts';
import { peekAnswers } from '../../stores/saved-answers.ts';
import { fillPack } from './fill.ts';

/**
 * The print page's only script: it reads the answers saved in this browser and
 * writes them into the worksheets, unless the URL asks for the blank version
 * (`?blank`). It also wires the Print button, which needs a script to work at all.
 */
export function startPrintPage(doc: Document): void {
  const pack = doc.querySelector<HTMLElement>('[data-print-pack]');
  if (!pack) return;
  const blank = new URLSearchParams(doc.defaultView?.location.search ?? '').has('blank');

  for (const link of doc.querySelectorAll<HTMLAnchorElement>('[data-version]')) {
    const current = (link.dataset.version === 'blank') === blank;
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }

  const button = doc.querySelector<HTMLButtonElement>('[data-print]');
  if (button) {
    button.hidden = false;
    button.addEventListener('click', () => doc.defaultView?.print());
  }

  const status = doc.querySelector<HTMLElement>('[data-print-status]');
  const versionLabel = doc.querySelector<HTMLElement>('[data-version-label]');
  if (blank) {
    if (status) status.textContent = 'Showing the blank worksheets.';
    return;
  }

  const themes = JSON.parse(pack.dataset.themes ?? '[]') as { id: string; name: string }[];
  const answers = peekAnswers(pack.dataset.slug ?? '', themes);
  if (!hasAnswers(answers)) {
    // Nothing written yet: the blank worksheets are the client's worksheets, write-in rows included.
    if (status) status.textContent = 'Nothing is saved in this browser yet, so these are the blank worksheets.';
    return;
  }
  fillPack(pack, answers);
  const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
  if (versionLabel) versionLabel.textContent = `Your answers, as saved in this browser on ${today}`;
  if (status) status.textContent = 'Showing your answers.';
}
