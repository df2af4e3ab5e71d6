/**
 * The query as typed, with the character at `position` (a string offset) marked, so a
 * malformed query shows where it went wrong. The query keeps its own direction.
 */
export function QueryPointer({
  query,
  position,
  label
}: {
  query: string
  position: number
  label: string
}) {
  const at = Math.max(0, Math.min(position, query.length))
  const char = query.slice(at, at + 1)
  return (
    <div className="query-pointer" data-testid="query-pointer">
      <span className="query-pointer-label">{label}</span>{' '}
      <code dir="auto">
        {query.slice(0, at)}
        <mark data-testid="query-pointer-mark">{char || '\u00a0'}</mark>
        {query.slice(at + 1)}
      </code>
    </div>
  )
}
