import { useState } from 'react';
import { nameMatches } from '../../lib/coach-dashboard.ts';
import { useHydrated } from '../hydrated.ts';
import './coach.css';

interface Props {
  /** The id of the server-rendered list whose items carry `data-client-name`. */
  listId: string;
  total: number;
}

/** The dashboard's search box: hides the clients whose name does not match. The list itself stays plain HTML. */
export default function ClientSearch({ listId, total }: Props) {
  const hydrated = useHydrated();
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(total);

  function filter(next: string) {
    setQuery(next);
    const items = document.getElementById(listId)?.querySelectorAll<HTMLElement>('[data-client-name]') ?? [];
    let count = 0;
    for (const item of items) {
      const match = nameMatches(item.dataset.clientName ?? '', next);
      item.hidden = !match;
      if (match) count += 1;
    }
    setShown(count);
  }

  return (
    <search className="client-search">
      <label htmlFor="client-search">Find a client by name</label>
      <input
        id="client-search"
        type="search"
        autoComplete="off"
        spellCheck={false}
        value={query}
        disabled={!hydrated}
        onChange={(event) => filter(event.currentTarget.value)}
      />
      <p className="client-search__count" role="status">
        {query.trim() === ''
          ? ''
          : shown === 0
            ? `No client's name contains “${query.trim()}”.`
            : `Showing ${shown} of ${total} ${total === 1 ? 'client' : 'clients'}.`}
      </p>
    </search>
  );
}
