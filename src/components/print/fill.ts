import type { Answers, Value } from '../../schemas/answers.ts';
import { goalsOf } from '../../stores/model-engagement.ts';
import { notesOf } from '../../stores/model.ts';

/**
 * Fills the server-rendered print pack with the client's answers. Every piece
 * of markup comes from a `<template>` the worksheet components rendered, and
 * every answer goes in as text, never as HTML.
 */
export function fillPack(pack: ParentNode, answers: Answers): void {
  const byRank = [...answers.values].sort((a, b) => a.rank - b.rank);
  for (const blank of pack.querySelectorAll<HTMLElement>('[data-blank]')) blank.hidden = true;
  for (const target of pack.querySelectorAll<HTMLElement>('[data-filled]')) {
    const fill = fillers[target.dataset.filled ?? ''];
    if (!fill) continue;
    fill(target, answers, byRank);
    target.hidden = false;
  }
}

type Filler = (target: HTMLElement, answers: Answers, byRank: Value[]) => void;

const fillers: Record<string, Filler> = {
  chains(target, answers) {
    target.replaceChildren(
      ...answers.values.map((value) => {
        const card = cloneTemplate(target, 'chain');
        setText(card, 'label', value.label);
        const words = slot(card, 'words');
        if (value.chain.length > 0) {
          words.replaceChildren(...chainNodes(value));
          words.hidden = false;
          slot(card, 'rules').remove();
        }
        return card;
      }),
    );
  },

  ranking(target, answers, byRank) {
    const first = answers.history[0];
    const days = answers.history.length;
    setText(
      target,
      'summary',
      days > 1 && first
        ? `Your order today, most important first. You ranked on ${days} days, the first on ${formatDay(first.date)}.`
        : 'Your order, most important first.',
    );
    slot(target, 'list').replaceChildren(
      ...byRank.map((value, index) => {
        const row = cloneTemplate(target, 'rank-row');
        setText(row, 'rank', String(index + 1));
        setText(row, 'label', value.label);
        const bold = boldWord(value);
        if (bold) setText(row, 'bold', bold);
        else slot(row, 'bold').remove();
        const move = days > 1 && first ? movement(first.order.indexOf(value.id), index) : '';
        if (move) setText(row, 'move', move);
        else slot(row, 'move').remove();
        return row;
      }),
    );
  },

  postits(target, _answers, byRank) {
    target.replaceChildren(
      ...byRank.map((value) => {
        const note = cloneTemplate(target, 'postit');
        setText(note, 'label', value.label);
        return note;
      }),
    );
  },

  scores(target, _answers, byRank) {
    target.replaceChildren(
      ...byRank.map((value, index) => {
        const row = cloneTemplate(target, 'score');
        const rank = slot(row, 'rank');
        rank.textContent = String(index + 1);
        rank.hidden = false;
        setText(row, 'label', value.label);
        const scale = slot(row, 'scale');
        const shown = slot(row, 'value');
        shown.hidden = false;
        if (value.rating === null) {
          shown.textContent = 'not yet rated';
          row.classList.add('ws-score--unrated');
          scale.setAttribute('aria-label', 'Not yet rated: a scale from 1 to 10 to circle');
        } else {
          shown.textContent = `${value.rating} / 10`;
          scale.querySelector(`[data-n="${value.rating}"]`)?.classList.add('is-chosen');
          scale.setAttribute('aria-label', `Scored ${value.rating} out of 10`);
        }
        return row;
      }),
    );
  },

  poster(target, _answers, byRank) {
    const list = slot(target, 'list');
    list.replaceChildren(
      ...byRank.map((value) => {
        const item = document.createElement('li');
        const label = document.createElement('span');
        label.className = 'ws-poster__value';
        label.dir = 'auto';
        label.textContent = value.label;
        item.append(label);
        const bold = boldWord(value);
        if (bold && bold !== value.label) {
          const word = document.createElement('span');
          word.className = 'ws-poster__word';
          word.dir = 'auto';
          word.textContent = bold;
          item.append(word);
        }
        return item;
      }),
    );
  },

  goals(target, answers, byRank) {
    const goals = goalsOf(answers, target.dataset.workbook ?? '');
    target.replaceChildren(
      ...goals.map((goal, index) => {
        const block = cloneTemplate(target, 'goal');
        setText(block, 'title', `Goal ${index + 1}`);
        setText(block, 'text', goal.text);
        setText(block, 'step', goal.firstStep === '' ? 'not written yet' : goal.firstStep);
        setText(block, 'honours', namesOf(goal.honours, byRank) || 'no value chosen yet');
        return block;
      }),
    );
    if (goals.length === 0) target.append(paragraph('No goals written yet.'));
  },

  tensions(target, answers, byRank) {
    const goals = goalsOf(answers, target.dataset.workbook ?? '');
    target.replaceChildren(
      ...goals.map((goal) => {
        const block = cloneTemplate(target, 'tension');
        setText(block, 'text', goal.text);
        setText(block, 'pulls', namesOf(goal.pullsAgainst, byRank) || 'none of the top values');
        setText(block, 'note', goal.note);
        return block;
      }),
    );
    if (goals.length === 0) target.append(paragraph('No goals written yet.'));
  },

  lens(target, answers, byRank) {
    target.replaceChildren(
      ...answers.lens.map((entry) => {
        const block = cloneTemplate(target, 'lens-entry');
        setText(block, 'date', new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(entry.createdAt)));
        setText(block, 'text', entry.text);
        slot(block, 'marks').replaceChildren(
          ...byRank
            .filter((value) => entry.marks[value.id])
            .map((value) => {
              const item = document.createElement('li');
              item.dir = 'auto';
              item.textContent = `${value.label}: ${MARK_WORDS[entry.marks[value.id] ?? 'neither']}`;
              return item;
            }),
        );
        setText(block, 'note', entry.note);
        return block;
      }),
    );
    if (answers.lens.length === 0) target.append(paragraph('No entries in the values lens yet.'));
  },

  notes(target, answers) {
    const text = slot(target, 'text');
    const notes = notesOf(answers);
    text.textContent = notes;
    text.hidden = notes.trim() === '';
  },
};

const MARK_WORDS = { honours: 'honours', pulls: 'pulls against', neither: 'neither' } as const;

/** The names of the values with these ids, most important first. */
function namesOf(ids: readonly string[], byRank: readonly Value[]): string {
  return byRank
    .filter((value) => ids.includes(value.id))
    .map((value) => value.label)
    .join(', ');
}

function paragraph(text: string): HTMLElement {
  const element = document.createElement('p');
  element.textContent = text;
  return element;
}

/** The chain as "word / **bold word** / word", with the bold word in <strong>. */
function chainNodes(value: Value): Node[] {
  const nodes: Node[] = [];
  value.chain.forEach((word, index) => {
    if (index > 0) nodes.push(document.createTextNode(' / '));
    if (word.id === value.boldId) {
      const strong = document.createElement('strong');
      strong.textContent = word.text;
      nodes.push(strong);
    } else {
      nodes.push(document.createTextNode(word.text));
    }
  });
  return nodes;
}

function boldWord(value: Value): string | undefined {
  return value.chain.find((word) => word.id === value.boldId)?.text;
}

/** "up 2", "down 1" or "no change" since the first day's order; empty for a value added since. */
export function movement(firstIndex: number, nowIndex: number): string {
  if (firstIndex < 0) return 'new since the first day';
  const places = firstIndex - nowIndex;
  if (places === 0) return 'no change';
  const count = Math.abs(places);
  return `${places > 0 ? '▲ up' : '▼ down'} ${count} place${count === 1 ? '' : 's'}`;
}

export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1)),
  );
}

function cloneTemplate(near: HTMLElement, name: string): HTMLElement {
  const sheet = near.closest('section') ?? document;
  const template = sheet.querySelector<HTMLTemplateElement>(`template[data-template="${name}"]`);
  const element = template?.content.firstElementChild?.cloneNode(true);
  if (!(element instanceof HTMLElement)) throw new Error(`The print page has no template named ${name}.`);
  return element;
}

function slot(root: HTMLElement, name: string): HTMLElement {
  const found = root.querySelector<HTMLElement>(`[data-slot="${name}"]`);
  if (!found) throw new Error(`A print template has no slot named ${name}.`);
  return found;
}

function setText(root: HTMLElement, name: string, text: string): void {
  slot(root, name).textContent = text;
}
