import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ChainWord, Value } from '../../schemas/answers.ts';
import {
  addValue,
  addWord,
  dismissUndo,
  editWord,
  mergeValues,
  moveWord,
  removeValue,
  removeWord,
  renameValue,
  toggleBold,
  undoRemove,
} from '../../stores/values.ts';
import { MAX_VALUES, rankedValues, type Result } from '../../stores/model.ts';
import { CARD_SORT_VALUES } from '../../lib/card-sort.ts';
import { useHydrated } from '../hydrated.ts';
import { HomeworkFrame } from './HomeworkFrame.tsx';
import { Icon } from './Icon.tsx';
import { ChainLine } from './ChainLine.tsx';
import { useAnswers, useLastRemoved, type HomeworkProps } from './useAnswers.ts';

/** HW1: a chain of words for each value, the one that sums it up in bold, and the list of values to shape. */
export default function ValueChains(props: HomeworkProps) {
  const answers = useAnswers(props);
  const values = rankedValues(answers);
  const [focusAfter, setFocusAfter] = useState<string | null>(null);

  return (
    <HomeworkFrame slug={props.slug} themes={props.themes}>
      <UndoBar />
      <ol className="chains" aria-label="Your values and their chains">
        {values.map((value) => (
          <ValueCard
            key={value.id}
            value={value}
            others={values.filter((other) => other.id !== value.id)}
            focusHeading={focusAfter === value.id}
            onFocused={() => setFocusAfter(null)}
          />
        ))}
      </ol>
      <AddValueForm count={values.length} taken={values.map((value) => value.label)} onAdded={setFocusAfter} />
    </HomeworkFrame>
  );
}

function UndoBar() {
  const removed = useLastRemoved();
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (removed) undo.current?.focus();
  }, [removed]);
  return (
    <div role="status" className="undo-slot">
      {removed && (
        <div className="notice undo-bar">
          <span>
            {removed.kind === 'merge' ? `Merged ${removed.value.label} into ${removed.into?.label ?? 'another value'}.` : `Removed ${removed.value.label}.`}
          </span>
          <span className="button-row">
            <button ref={undo} type="button" onClick={undoRemove}>
              Undo
            </button>
            <button type="button" className="quiet" onClick={dismissUndo}>
              OK
            </button>
          </span>
        </div>
      )}
    </div>
  );
}

interface CardProps {
  value: Value;
  others: Value[];
  focusHeading: boolean;
  onFocused: () => void;
}

function ValueCard({ value, others, focusHeading, onFocused }: CardProps) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const [renaming, setRenaming] = useState(false);
  const [returnFocus, setReturnFocus] = useState(false);

  useEffect(() => {
    if (focusHeading) {
      heading.current?.focus();
      onFocused();
    }
  }, [focusHeading, onFocused]);
  useEffect(() => {
    if (!renaming && returnFocus) {
      renameButton.current?.focus();
      setReturnFocus(false);
    }
  }, [renaming, returnFocus]);

  const closeRename = () => {
    setRenaming(false);
    setReturnFocus(true);
  };

  return (
    <li className="card chain-card">
      <section aria-labelledby={headingId}>
        <div className="chain-card__head">
          {renaming ? (
            <RenameForm value={value} onDone={closeRename} />
          ) : (
            <>
              <h2 id={headingId} ref={heading} tabIndex={-1}>
                {value.label}
              </h2>
              <button ref={renameButton} type="button" className="quiet small" aria-label={`Rename ${value.label}`} onClick={() => setRenaming(true)}>
                Rename
              </button>
            </>
          )}
        </div>
        <ChainLine value={value} />
        <WordList value={value} />
        <AddWordForm value={value} />
        <MoreActions value={value} others={others} />
      </section>
    </li>
  );
}

function RenameForm({ value, onDone }: { value: Value; onDone: () => void }) {
  return (
    <InlineEditForm
      initial={value.label}
      label={`New name for ${value.label}`}
      maxLength={60}
      submitText="Save name"
      save={(text) => renameValue(value.id, text)}
      onDone={onDone}
    />
  );
}

interface InlineEditProps {
  initial: string;
  /** What the field asks for, read out by screen readers. */
  label: string;
  maxLength: number;
  submitText: string;
  save: (text: string) => Result<null>;
  /** Called once the text is saved, or when the client cancels (also with Escape). */
  onDone: () => void;
}

/** A one-line form in place of what it changes: the text starts selected, a refusal shows its reason, Escape cancels. */
function InlineEditForm({ initial, label, maxLength, submitText, save, onDone }: InlineEditProps) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = save(text);
    if (!result.ok) setError(result.reason);
    else onDone();
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <label>
        <span className="visually-hidden">{label}</span>
        <input
          ref={input}
          value={text}
          maxLength={maxLength}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => event.key === 'Escape' && onDone()}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
      </label>
      <button type="submit">{submitText}</button>
      <button type="button" className="quiet" onClick={onDone}>
        Cancel
      </button>
      {error && (
        <p id={errorId} className="form-error">
          {error}
        </p>
      )}
    </form>
  );
}

function WordList({ value }: { value: Value }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [focusWord, setFocusWord] = useState<{ id: string; control: string } | null>(null);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (!focusWord) return;
    const target = list.current?.querySelector<HTMLElement>(`[data-word="${focusWord.id}"] [data-control="${focusWord.control}"]`);
    target?.focus();
    setFocusWord(null);
  }, [focusWord, value.chain]);

  if (value.chain.length === 0) return <p className="chain-empty no-print">No words yet. Add the first one below.</p>;
  const last = value.chain.length - 1;
  // Moves a word one place; when it reaches the end it moves towards, focus goes to the button that still works.
  const moveButton = (word: ChainWord, index: number, step: -1 | 1) => {
    const [control, back, end] = step < 0 ? (['earlier', 'later', 0] as const) : (['later', 'earlier', last] as const);
    return (
      <button
        type="button"
        className="icon-button"
        data-control={control}
        disabled={index === end}
        onClick={() => {
          moveWord(value.id, word.id, step);
          setFocusWord({ id: word.id, control: index + step === end ? back : control });
        }}
        title={`Move ${control}`}
      >
        <Icon name={step < 0 ? 'up' : 'down'} />
        <span className="visually-hidden">{`Move ${word.text} ${control}`}</span>
      </button>
    );
  };
  return (
    <ol ref={list} className="words no-print" aria-label={`Words for ${value.label}`}>
      {value.chain.map((word, index) => {
        const bold = value.boldId === word.id;
        return (
          <li key={word.id} data-word={word.id} className={bold ? 'word word--bold' : 'word'}>
            {editing === word.id ? (
              <EditWordForm
                valueId={value.id}
                wordId={word.id}
                text={word.text}
                onDone={() => {
                  setEditing(null);
                  setFocusWord({ id: word.id, control: 'edit' });
                }}
              />
            ) : (
              <>
                <button
                  type="button"
                  className="icon-button star"
                  aria-pressed={bold}
                  data-control="bold"
                  onClick={() => toggleBold(value.id, word.id)}
                  title={bold ? 'The word that sums it up' : 'Mark as the word that sums it up'}
                >
                  <Icon name="star" filled={bold} />
                  <span className="visually-hidden">
                    {word.text} sums up {value.label}
                  </span>
                </button>
                <span className="word__text">{bold ? <strong>{word.text}</strong> : word.text}</span>
                <span className="word__tools">
                  <button type="button" className="icon-button" data-control="edit" onClick={() => setEditing(word.id)} title="Edit">
                    <Icon name="edit" />
                    <span className="visually-hidden">Edit the word {word.text}</span>
                  </button>
                  {moveButton(word, index, -1)}
                  {moveButton(word, index, 1)}
                  <button
                    type="button"
                    className="icon-button"
                    data-control="remove"
                    onClick={() => {
                      const next = value.chain[index + 1] ?? value.chain[index - 1];
                      removeWord(value.id, word.id);
                      if (next) setFocusWord({ id: next.id, control: 'remove' });
                    }}
                    title="Remove"
                  >
                    <Icon name="remove" />
                    <span className="visually-hidden">Remove the word {word.text}</span>
                  </button>
                </span>
              </>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function EditWordForm({ valueId, wordId, text, onDone }: { valueId: string; wordId: string; text: string; onDone: () => void }) {
  return (
    <InlineEditForm
      initial={text}
      label={`Edit the word ${text}`}
      maxLength={80}
      submitText="Save"
      save={(changed) => editWord(valueId, wordId, changed)}
      onDone={onDone}
    />
  );
}

function AddWordForm({ value }: { value: Value }) {
  const [text, setText] = useState('');
  const hydrated = useHydrated();
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = addWord(value.id, text);
    if (!result.ok) {
      setError(result.reason);
      return;
    }
    setText('');
    setError(null);
  };
  return (
    <form className="add-word no-print" onSubmit={submit}>
      <label htmlFor={inputId}>
        Add a word or phrase <span className="visually-hidden">to {value.label}</span>
      </label>
      <div className="field-row">
        <input
          id={inputId}
          value={text}
          readOnly={!hydrated}
          maxLength={80}
          autoComplete="off"
          enterKeyHint="enter"
          onChange={(event) => setText(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        <button type="submit" aria-label={`Add to ${value.label}`}>
          Add
        </button>
      </div>
      {error && (
        <p id={errorId} className="form-error">
          {error}
        </p>
      )}
    </form>
  );
}

function MoreActions({ value, others }: { value: Value; others: Value[] }) {
  const [other, setOther] = useState('');
  const [error, setError] = useState<string | null>(null);
  const selectId = useId();
  const merge = () => {
    if (!other) {
      setError('Choose the value to merge in first.');
      return;
    }
    const result = mergeValues(value.id, other);
    if (!result.ok) setError(result.reason);
    else {
      setError(null);
      setOther('');
    }
  };
  return (
    <details className="more no-print">
      <summary aria-label={`Merge or remove ${value.label}`}>Merge or remove</summary>
      {others.length > 0 && (
        <div className="more__merge">
          <label htmlFor={selectId}>Merge another value into {value.label}</label>
          <div className="field-row">
            <select id={selectId} value={other} onChange={(event) => setOther(event.target.value)}>
              <option value="">Choose a value…</option>
              {others.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.label}
                </option>
              ))}
            </select>
            <button type="button" onClick={merge}>
              Merge
            </button>
          </div>
          <p className="hint">The chains are joined and the higher rank is kept. You can undo it.</p>
          {error && <p className="form-error">{error}</p>}
        </div>
      )}
      <button type="button" className="quiet danger" onClick={() => removeValue(value.id)}>
        Remove {value.label} from your values
      </button>
    </details>
  );
}

function AddValueForm({ count, taken, onAdded }: { count: number; taken: string[]; onAdded: (id: string) => void }) {
  const [text, setText] = useState('');
  const hydrated = useHydrated();
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const listId = useId();
  const errorId = useId();
  const hintId = useId();
  const full = count >= MAX_VALUES;
  const lower = new Set(taken.map((label) => label.toLocaleLowerCase()));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = addValue(text);
    if (!result.ok) {
      setError(result.reason);
      return;
    }
    setText('');
    setError(null);
    onAdded(result.value);
  };
  return (
    <form className="card add-value no-print" onSubmit={submit}>
      <h2>Add a value of your own</h2>
      <label htmlFor={inputId}>Value name</label>
      <div className="field-row">
        <input
          id={inputId}
          list={listId}
          value={text}
          readOnly={!hydrated}
          maxLength={60}
          autoComplete="off"
          disabled={full}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
        />
        <button type="submit" disabled={full}>
          Add value
        </button>
      </div>
      <datalist id={listId}>
        {CARD_SORT_VALUES.filter((name) => !lower.has(name.toLocaleLowerCase())).map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <p id={hintId} className="hint">
        {full
          ? `You have ${MAX_VALUES} values, the most the workbook keeps. Merge or remove one to add another.`
          : `${count} of ${MAX_VALUES} values. Type your own, or pick a suggestion as you type.`}
      </p>
      {error && (
        <p id={errorId} className="form-error">
          {error}
        </p>
      )}
    </form>
  );
}
