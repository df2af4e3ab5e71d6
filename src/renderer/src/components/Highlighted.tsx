import type { Range } from '@shared/contract/search'

/** Text with ranges marked; ranges are sorted, non-overlapping offsets into `text`. */
export function Highlighted({ text, ranges }: { text: string; ranges: Range[] }) {
  const parts: React.ReactNode[] = []
  let at = 0
  ranges.forEach(([start, end], i) => {
    if (start > at) parts.push(text.slice(at, start))
    parts.push(<mark key={i}>{text.slice(start, end)}</mark>)
    at = end
  })
  if (at < text.length) parts.push(text.slice(at))
  return <>{parts}</>
}
