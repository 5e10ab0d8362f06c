'use client';

import { useEffect, useRef, useState } from 'react';
import { inputStyles } from '@/components/ui/field';

export interface ComboboxOption {
  value: string;
  label: string;
  /** A second line (an email under a name). */
  detail?: string;
}

/** What a search found, and the sentence a screen reader announces about it ("3 customers match."). */
export type ComboboxResult = { options: ComboboxOption[]; message: string } | { error: string };

// Long enough to skip the keystrokes of a word being typed, short enough to feel immediate.
const DEBOUNCE_MS = 250;

const shown = (option: ComboboxOption) => (option.detail ? `${option.label} (${option.detail})` : option.label);

/**
 * A text field that searches the server as one types and offers the matches in a list below it (the
 * ARIA 1.2 combobox pattern with a listbox popup): Down and Up move through the matches, Enter
 * chooses (a lone match without moving to it), Escape closes the list (then clears the text), and a
 * live region announces how many matched. The chosen option's value is sent in a hidden field called
 * `name`; text typed but not chosen sends nothing. In a form without checks of its own (a filter),
 * `refuseUnchosen` stops it from being sent that way: the field says to choose from the list.
 * `extraOption` stays at the end of every list (an "invite someone new").
 * The label is the caller's: a <label htmlFor={id}>.
 */
export function Combobox({
  id,
  name,
  search,
  initial = null,
  extraOption,
  onChoose,
  listLabel,
  placeholder,
  refuseUnchosen = false,
  className = '',
  ...aria
}: {
  id: string;
  name: string;
  search: (text: string) => Promise<ComboboxResult>;
  initial?: ComboboxOption | null;
  extraOption?: ComboboxOption;
  /** Called when an option is chosen, or the choice is undone by typing (null), with the text typed. */
  onChoose?: (option: ComboboxOption | null, typed: string) => void;
  listLabel: string;
  placeholder?: string;
  /** Keep the form from being sent with text typed but nothing chosen (for forms that do not check it). */
  refuseUnchosen?: boolean;
  className?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const [text, setText] = useState(initial ? shown(initial) : '');
  const [chosen, setChosen] = useState<ComboboxOption | null>(initial);
  const [open, setOpen] = useState(false);
  // The matches and the text they are for: a list is only searched again when the text changed.
  const [found, setFound] = useState<{ text: string; options: ComboboxOption[]; message: string } | null>(null);
  const [searching, setSearching] = useState(false);
  const [active, setActive] = useState(-1);
  const [unchosen, setUnchosen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // The hidden field that carries the chosen option's value.
  const value = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // Answers can arrive out of order: only the latest request's answer is shown.
  const latest = useRef(0);

  const options = [...(found?.options ?? []), ...(extraOption ? [extraOption] : [])];
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;

  function runSearch(query: string, delay: number) {
    clearTimeout(timer.current);
    const request = ++latest.current;
    setSearching(true);
    timer.current = setTimeout(async () => {
      const result = await search(query).catch(() => ({
        error: 'The search failed. Check your connection and try again.',
      }));
      if (request !== latest.current) return;
      setSearching(false);
      setActive(-1);
      setFound(
        'error' in result
          ? { text: query, options: [], message: result.error }
          : { text: query, options: result.options, message: result.message },
      );
    }, delay);
  }

  function openList() {
    setOpen(true);
    // The typed text, or everything when an option's own text is showing.
    const query = chosen ? '' : text;
    if (found?.text !== query) runSearch(query, 0);
  }

  function close() {
    setOpen(false);
    setActive(-1);
  }

  function choose(option: ComboboxOption) {
    setUnchosen(false);
    setChosen(option);
    setText(shown(option));
    onChoose?.(option, chosen ? '' : text);
    close();
  }

  function type(value: string) {
    setUnchosen(false);
    setText(value);
    if (chosen) onChoose?.(null, value);
    setChosen(null);
    setOpen(true);
    runSearch(value, DEBOUNCE_MS);
  }

  function keyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    // Down from the last option comes back to the first, Up from the first goes to the last.
    const move = (step: 1 | -1) => {
      event.preventDefault();
      if (!open) return openList();
      const count = options.length;
      if (count === 0) return;
      setActive((current) => (current < 0 ? (step === 1 ? 0 : count - 1) : (current + step + count) % count));
    };
    if (event.key === 'ArrowDown') {
      if (event.altKey) {
        event.preventDefault();
        return openList();
      }
      return move(1);
    }
    if (event.key === 'ArrowUp') return move(-1);
    if (event.key === 'Enter' && open) {
      // While the list is open, Enter chooses (the highlighted option, or the one match) instead of
      // submitting the form with nothing chosen.
      event.preventDefault();
      const matches = found?.options ?? [];
      const option = active >= 0 ? options[active] : !searching && matches.length === 1 ? matches[0] : null;
      if (option) choose(option);
      return;
    }
    if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        return close();
      }
      if (text) {
        event.preventDefault();
        type('');
        clearTimeout(timer.current);
        setSearching(false);
        setOpen(false);
      }
    }
  }

  // The form's reset (after an invoice is issued) puts the field back as it started.
  useEffect(() => {
    const form = input.current?.form;
    if (!form) return;
    const reset = () => {
      setText(initial ? shown(initial) : '');
      setChosen(initial);
      setFound(null);
      close();
    };
    form.addEventListener('reset', reset);
    return () => form.removeEventListener('reset', reset);
  }, [initial]);

  // Runs before the form's own (React) submit handler, which it stops: a typed name that was never
  // chosen must not quietly become "no customer".
  useEffect(() => {
    const form = input.current?.form;
    if (!form || !refuseUnchosen) return;
    const submit = (event: SubmitEvent) => {
      if (!input.current?.value.trim() || value.current?.value) return;
      event.preventDefault();
      event.stopPropagation();
      setUnchosen(true);
      input.current?.focus();
    };
    form.addEventListener('submit', submit);
    return () => form.removeEventListener('submit', submit);
  }, [refuseUnchosen]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const message = searching ? 'Searching…' : (found?.message ?? '');
  return (
    <div className={`relative ${className}`}>
      <input
        ref={input}
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        placeholder={placeholder}
        value={text}
        onChange={(event) => type(event.target.value)}
        onClick={() => (open ? close() : openList())}
        onKeyDown={keyDown}
        onBlur={close}
        className={inputStyles}
        {...aria}
        aria-invalid={unchosen || aria['aria-invalid']}
        aria-describedby={
          [aria['aria-describedby'], unchosen ? `${id}-unchosen` : undefined].filter(Boolean).join(' ') || undefined
        }
      />
      {unchosen && (
        <p id={`${id}-unchosen`} className="mt-1 text-sm text-red-700">
          Choose one of the matches from the list, or clear the field.
        </p>
      )}
      <input ref={value} type="hidden" name={name} value={chosen?.value ?? ''} />
      <div
        hidden={!open}
        className="absolute inset-x-0 z-20 mt-1 overflow-hidden rounded-md bg-white shadow-lg ring-1 ring-slate-300"
      >
        <ul id={listId} role="listbox" aria-label={listLabel} className="max-h-72 overflow-y-auto py-1">
          {options.map((option, index) => (
            <li
              key={option.value}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              // Keeps the focus in the field, so that the list does not close before the click.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
              onMouseMove={() => setActive(index)}
              className={`cursor-pointer px-3 py-2 text-sm ${index === active ? 'bg-brand-50 text-brand-900' : 'text-slate-900'} ${option === extraOption ? 'border-t border-slate-200 font-medium' : ''}`}
            >
              <span className="block truncate">{option.label}</span>
              {option.detail && <span className="block truncate text-xs text-slate-500">{option.detail}</span>}
            </li>
          ))}
        </ul>
        {message && (
          <p aria-hidden="true" className="border-t border-slate-200 px-3 py-2 text-xs text-slate-600">
            {message}
          </p>
        )}
      </div>
      {/* Always present, so that each new count is announced (a region that appears is often not). */}
      <p role="status" className="sr-only">
        {open && !searching ? (found?.message ?? '') : ''}
      </p>
    </div>
  );
}
