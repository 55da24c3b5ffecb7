import { Fragment } from 'react';
import type { Value } from '../../schemas/answers.ts';

/** A chain as it reads aloud and on paper: "Growth / reading / **learning** / challenging myself". */
export function ChainLine({ value }: { value: Value }) {
  if (value.chain.length === 0) return null;
  // A chain that is still only the value's name says nothing new on screen; paper shows it all the same.
  const onlyName = value.chain.length === 1 && value.boldId === null;
  return (
    <p className={onlyName ? 'chain-line print-only' : 'chain-line'}>
      {value.chain.map((word, index) => (
        <Fragment key={word.id}>
          {index > 0 && <span className="chain-line__sep"> / </span>}
          {word.id === value.boldId ? <strong>{word.text}</strong> : <span>{word.text}</span>}
        </Fragment>
      ))}
    </p>
  );
}
