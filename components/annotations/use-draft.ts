"use client";

import { useEffect, useState } from "react";

/**
 * State kept in localStorage under `key`, so unsent text survives reloads,
 * errors and a detour through sign-in.
 */
export function useDraft<T>(key: string, initial: T): [T, (value: T) => void, () => void] {
  const [value, setValue] = useState<T>(() => {
    if (typeof window === "undefined") return initial;
    try {
      const stored = window.localStorage.getItem(key);
      return stored ? (JSON.parse(stored) as T) : initial;
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or blocked: the draft then lives only in memory.
    }
  }, [key, value]);
  const clear = () => {
    window.localStorage.removeItem(key);
    setValue(initial);
  };
  return [value, setValue, clear];
}
