import { useEffect, useRef, useState } from 'react';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { Answers, Value } from '../../schemas/answers.ts';
import { confirmRanking, moveValue, moveValueBy } from '../../stores/answers.ts';
import { localDay, movementSinceFirstDay, rankedValues, type Movement } from '../../stores/model.ts';
import { HomeworkFrame } from './HomeworkFrame.tsx';
import { Icon } from './Icon.tsx';
import { useAnswers, useNow, type HomeworkProps } from './useAnswers.ts';

const dayText = (day: string) => {
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1)));
};

/** HW2: the values as post-it notes, reordered by drag, keyboard or buttons, with a dated snapshot for each day. */
export default function StackRank(props: HomeworkProps) {
  const answers = useAnswers(props);
  const ranked = rankedValues(answers);
  const ids = ranked.map((value) => value.id);
  const labelOf = (id: UniqueIdentifier) => ranked.find((value) => value.id === id)?.label ?? 'The value';
  const positionOf = (id: UniqueIdentifier | undefined) => (id === undefined ? -1 : ids.indexOf(String(id)));
  const count = ranked.length;
  const [message, setMessage] = useState('');
  const [focus, setFocus] = useState<{ id: string; control: 'up' | 'down' } | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const movement = movementSinceFirstDay(answers);
  const first = answers.history[0];

  const sensors = useSensors(
    // A small distance before a drag starts, so a tap on the handle is still a tap.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  // Whether the value being dragged has left its place yet: dnd-kit reports it "over" itself at pick-up.
  const moved = useRef(false);
  // Screen readers hear the value's name and its place, never an id.
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      moved.current = false;
      return `Picked up ${labelOf(active.id)}. It is at position ${positionOf(active.id) + 1} of ${count}.`;
    },
    onDragOver: ({ active, over }) => {
      if (!over) return `${labelOf(active.id)} is no longer over the list.`;
      if (over.id === active.id && !moved.current) return undefined;
      moved.current = true;
      return `${labelOf(active.id)} moved to position ${positionOf(over.id) + 1} of ${count}.`;
    },
    onDragEnd: ({ active, over }) =>
      over ? `${labelOf(active.id)} dropped at position ${positionOf(over.id) + 1} of ${count}.` : `${labelOf(active.id)} dropped back at position ${positionOf(active.id) + 1} of ${count}.`,
    onDragCancel: ({ active }) => `Moving ${labelOf(active.id)} was cancelled. It is back at position ${positionOf(active.id) + 1} of ${count}.`,
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    moveValue(String(active.id), positionOf(over.id));
  };

  const move = (value: Value, delta: -1 | 1) => {
    const to = positionOf(value.id) + delta;
    if (to < 0 || to >= count) return;
    moveValueBy(value.id, delta);
    setMessage(`${value.label} moved to position ${to + 1} of ${count}.`);
    const atEdge = to === 0 || to === count - 1;
    setFocus({ id: value.id, control: atEdge ? (delta < 0 ? 'down' : 'up') : delta < 0 ? 'up' : 'down' });
  };

  useEffect(() => {
    if (!focus) return;
    list.current?.querySelector<HTMLElement>(`[data-note="${focus.id}"] [data-control="${focus.control}"]`)?.focus();
    setFocus(null);
  }, [focus, answers]);

  return (
    <HomeworkFrame slug={props.slug} themes={props.themes}>
      <p className="hint no-print" id="rank-help">
        Drag a note by its handle, or use its Move up and Move down buttons. With a keyboard, you can also focus a handle, press Space, move
        with the arrow keys and press Space again to drop.
      </p>
      <DndContext
        id="rank"
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          announcements,
          screenReaderInstructions: {
            draggable: 'To pick up this value, press Space or Enter. Use the arrow keys to move it up or down the ranking. Press Space or Enter again to drop it there, or Escape to cancel.',
          },
        }}
      >
        <SortableContext id="rank-list" items={ids} strategy={verticalListSortingStrategy}>
          <ol ref={list} className="notes" aria-label="Your ranking, most important first">
            {ranked.map((value, index) => (
              <Note key={value.id} value={value} index={index} count={count} movement={movement.get(value.id)} since={first?.date} onMove={move} />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <p role="status" className="visually-hidden">
        {message}
      </p>
      <RankingDays answers={answers} />
    </HomeworkFrame>
  );
}

interface NoteProps {
  value: Value;
  index: number;
  count: number;
  movement: Movement | undefined;
  since: string | undefined;
  onMove: (value: Value, delta: -1 | 1) => void;
}

function Note({ value, index, count, movement, since, onMove }: NoteProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: value.id });
  const bold = value.chain.find((word) => word.id === value.boldId)?.text;
  return (
    <li
      ref={setNodeRef}
      data-note={value.id}
      className={`note${isDragging ? ' note--dragging' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      <span className="note__rank" aria-hidden="true">
        {index + 1}
      </span>
      <span className="note__body">
        <span className="note__label">
          <span className="visually-hidden">{index + 1}. </span>
          {value.label}
        </span>
        {bold && bold !== value.label && (
          <span className="note__bold">
            Sums it up: <strong>{bold}</strong>
          </span>
        )}
        {movement && since && <MovementText movement={movement} since={since} />}
      </span>
      <span className="note__tools no-print">
        <button type="button" className="icon-button" data-control="up" disabled={index === 0} onClick={() => onMove(value, -1)}>
          <Icon name="up" />
          <span className="visually-hidden">Move {value.label} up</span>
        </button>
        <button type="button" className="icon-button" data-control="down" disabled={index === count - 1} onClick={() => onMove(value, 1)}>
          <Icon name="down" />
          <span className="visually-hidden">Move {value.label} down</span>
        </button>
        <button type="button" ref={setActivatorNodeRef} className="icon-button drag-handle" {...attributes} {...listeners}>
          <Icon name="grip" />
          <span className="visually-hidden">
            Drag {value.label}, at position {index + 1} of {count}
          </span>
        </button>
      </span>
    </li>
  );
}

function MovementText({ movement, since }: { movement: Movement; since: string }) {
  const day = dayText(since);
  if (movement.kind === 'new') return <span className="note__move">New since {day}</span>;
  if (movement.kind === 'same') {
    return (
      <span className="note__move">
        <span aria-hidden="true">= </span>Same place as on {day}
      </span>
    );
  }
  const places = movement.places === 1 ? '1 place' : `${movement.places} places`;
  return (
    <span className={`note__move note__move--${movement.kind}`}>
      <span aria-hidden="true">{movement.kind === 'up' ? '▲ ' : '▼ '}</span>
      {movement.kind === 'up' ? 'Up' : 'Down'} {places} since {day}
    </span>
  );
}

function RankingDays({ answers }: { answers: Answers }) {
  const now = useNow();
  const today = now > 0 ? localDay(now) : null;
  const { history } = answers;
  const rankedToday = today !== null && history.at(-1)?.date === today;
  const labelOf = new Map(answers.values.map((value) => [value.id, value.label]));
  return (
    <section className="ranking-days" aria-labelledby="ranking-days-heading">
      <h2 id="ranking-days-heading">Your ranking over the week</h2>
      {history.length === 0 ? (
        <p>Not ranked yet. Move your notes into order, or keep the order as it is if it already feels right.</p>
      ) : (
        <p>
          Ranked on {history.length === 1 ? 'one day' : `${history.length} days`}, first on {dayText(history[0]?.date ?? '')}. The arrows show how each
          value moved since then.
        </p>
      )}
      {!rankedToday && (
        <button type="button" className="quiet no-print" onClick={confirmRanking}>
          This order is right for today
        </button>
      )}
      {history.length > 0 && (
        <details className="ranking-days__list">
          <summary>The order on each day</summary>
          {history.map((snapshot) => (
            <div key={snapshot.date}>
              <h3>{dayText(snapshot.date)}</h3>
              <ol>
                {snapshot.order.map((id) => (
                  <li key={id}>{labelOf.get(id) ?? 'A value since removed'}</li>
                ))}
              </ol>
            </div>
          ))}
        </details>
      )}
    </section>
  );
}
