import type { Instrument } from '@alex/contract';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useApi } from '../api/api-context.tsx';
import { formatPrice } from './format.ts';
import { PriceDate } from './price-date.tsx';

/** Delay between the last keystroke and the instrument search. */
export const SEARCH_DEBOUNCE_MS = 250;
const LIMIT = 8;

/**
 * A ticker input with suggestions from `GET /api/instruments?q=` (debounced), following the ARIA
 * combobox pattern: arrows move, Enter picks, Escape closes. Any symbol may be typed.
 */
export function SymbolAutocomplete({
  id,
  value,
  onChange,
  invalid = false,
  describedBy,
}: {
  id: string;
  value: string;
  onChange: (symbol: string) => void;
  invalid?: boolean;
  describedBy?: string;
}) {
  const api = useApi();
  const listId = useId();
  const [options, setOptions] = useState<Instrument[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = value.trim();

  useEffect(() => {
    if (!open || query === '') {
      setOptions([]);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api.searchInstruments(query, LIMIT, controller.signal).then(
        (found) => {
          setOptions(found);
          setActive(-1);
        },
        () => setOptions([]), // Suggestions are a convenience: typing the symbol still works.
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [api, query, open]);

  const expanded = open && options.length > 0;

  function pick(instrument: Instrument) {
    onChange(instrument.symbol);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && expanded && active >= 0) {
      event.preventDefault();
      const option = options[active];
      if (option) pick(option);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
    }
  }

  return (
    <div className="combobox">
      <input
        id={id}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        value={value}
        onChange={(e) => {
          onChange(e.target.value.toUpperCase());
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <div
        id={listId}
        role="listbox"
        className="listbox"
        hidden={!expanded}
        aria-label="Matching instruments"
      >
        {options.map((option, index) => (
          <div
            key={option.symbol}
            id={`${listId}-${index}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            className={index === active ? 'active' : undefined}
            // mousedown, not click: it fires before the input's blur closes the list.
            onMouseDown={(e) => {
              e.preventDefault();
              pick(option);
            }}
          >
            <strong>{option.symbol}</strong> <span className="muted">{option.name}</span>{' '}
            <span className="num">
              {formatPrice(option.current_price)}
              <PriceDate asOf={option.price_as_of} />
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}
