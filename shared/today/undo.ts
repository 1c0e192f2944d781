// A bounded undo stack (issue 17.4: undo went back one step only). Each entry carries what it says
// ("Done: Call Dana") and how to take it back; `u` pops the newest. Pure, no timers.
export interface UndoEntry<T = () => Promise<unknown>> {
  label: string;
  undo: T;
}

export const UNDO_LIMIT = 20;

/** The stack with `entry` on top; the oldest fall off past `limit`. */
export function pushUndo<E>(stack: readonly E[], entry: E, limit = UNDO_LIMIT): E[] {
  const next = [...stack, entry];
  return next.length > limit ? next.slice(next.length - limit) : next;
}

/** The newest entry and the stack without it (null when empty). */
export function popUndo<E>(stack: readonly E[]): { entry: E; rest: E[] } | null {
  if (stack.length === 0) return null;
  return { entry: stack[stack.length - 1], rest: stack.slice(0, -1) };
}
