"use client";

import { useTranslations } from "next-intl";
import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState, type KeyboardEvent, type TextareaHTMLAttributes } from "react";
import { insertMention, mentionAtCaret } from "@/lib/notifications/mentions";

type Suggestion = { handle: string; name: string };

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onChange" | "role"> & {
  value: string;
  onValueChange: (value: string) => void;
};

/**
 * A textarea that suggests handles after "@" (WAI-ARIA combobox with a
 * listbox): arrow keys move, Enter or Tab insert, Escape closes; typing
 * continues in the textarea throughout. Suggestions come from
 * /api/users/handles, asked only once a mention has begun.
 */
export const MentionTextarea = forwardRef<HTMLTextAreaElement, Props>(function MentionTextarea({ value, onValueChange, id, onKeyDown, ...rest }, ref) {
  const t = useTranslations("notifications");
  const inner = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(ref, () => inner.current!);
  const listId = `${useId()}-mentions`;
  const hintId = `${listId}-hint`;
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(0);

  useEffect(() => {
    if (!mention || mention.query.length === 0) return setSuggestions([]);
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/users/handles?q=${encodeURIComponent(mention.query)}`, { signal: controller.signal });
        if (!response.ok) return setSuggestions([]);
        const data = (await response.json()) as { handles: Suggestion[] };
        setSuggestions(data.handles);
        setActive(0);
      } catch {
        // Aborted by the next keystroke, or offline: no suggestions.
      }
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [mention]);

  const isOpen = mention !== null && suggestions.length > 0;

  function track(text: string, caret: number) {
    setMention(mentionAtCaret(text, caret));
  }

  function choose(suggestion: Suggestion) {
    const element = inner.current;
    if (!element || !mention) return;
    const next = insertMention(value, mention.start, element.selectionStart, suggestion.handle);
    onValueChange(next.text);
    setMention(null);
    setSuggestions([]);
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(next.caret, next.caret);
    });
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (isOpen) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive((index) => (index + step + suggestions.length) % suggestions.length);
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        choose(suggestions[active]!);
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        setMention(null);
        setSuggestions([]);
        return;
      }
    }
    onKeyDown?.(event);
  }

  return (
    <div className="relative">
      <textarea
        {...rest}
        id={id}
        ref={inner}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={isOpen}
        aria-controls={listId}
        aria-activedescendant={isOpen ? `${listId}-${active}` : undefined}
        aria-describedby={[rest["aria-describedby"], hintId].filter(Boolean).join(" ")}
        onChange={(event) => {
          onValueChange(event.target.value);
          track(event.target.value, event.target.selectionStart);
        }}
        onKeyDown={handleKeyDown}
        onKeyUp={(event) => {
          if (event.key === "ArrowLeft" || event.key === "ArrowRight" || event.key === "Home" || event.key === "End") track(event.currentTarget.value, event.currentTarget.selectionStart);
        }}
        onClick={(event) => track(event.currentTarget.value, event.currentTarget.selectionStart)}
        onBlur={() => setTimeout(() => setSuggestions([]), 150)}
      />
      <span id={hintId} className="sr-only">
        {t("mentionHint")}
      </span>
      <ul
        id={listId}
        role="listbox"
        aria-label={t("mentionSuggestions")}
        hidden={!isOpen}
        className="absolute left-0 right-0 z-50 mt-1 max-h-60 overflow-y-auto rounded-md border border-[var(--color-rule)] bg-[var(--color-paper)] py-1 shadow-lg"
      >
        {suggestions.map((suggestion, index) => (
          <li
            key={suggestion.handle}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => {
              event.preventDefault();
              choose(suggestion);
            }}
            className={`flex min-h-11 cursor-pointer items-center gap-2 px-3 text-sm ${index === active ? "bg-[var(--color-highlight)]" : ""}`}
          >
            <span className="font-medium">@{suggestion.handle}</span>
            <span className="truncate text-[var(--color-muted)]">{suggestion.name}</span>
          </li>
        ))}
      </ul>
    </div>
  );
});
