/**
 * The parts of a stored date a citation may state: a month-precision date is stored as its first
 * day (`2015-07-01`), and citing it as 1 July would invent a day the source never gave.
 */
export function dateParts(published: string | null, precision: string | null): number[] | null {
  const match = published ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(published) : null
  if (!match) return null
  const [year, month, day] = match.slice(1).map(Number)
  if (precision === 'year') return [year]
  if (precision === 'month') return [year, month]
  return [year, month, day]
}
