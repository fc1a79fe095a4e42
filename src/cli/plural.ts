/** A count with its noun in the right number: "1 record", "0 records", "2 bad lines" (never "1 records" or "record(s)"). */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
