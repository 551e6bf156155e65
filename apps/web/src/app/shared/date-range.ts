/** A date-picker range as `from`/`to` instants: the start of the first day to the end of the last. */
export function rangeToQuery(range: readonly (Date | null)[] | null | undefined): { from: string | null; to: string | null } {
  const [start, end] = range ?? [];
  if (!start || !end) return { from: null, to: null };
  const from = new Date(start.getFullYear(), start.getMonth(), start.getDate(), 0, 0, 0, 0);
  const to = new Date(end.getFullYear(), end.getMonth(), end.getDate(), 23, 59, 59, 999);
  return { from: from.toISOString(), to: to.toISOString() };
}
