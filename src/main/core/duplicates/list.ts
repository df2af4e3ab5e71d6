import type { DuplicateGroup, DuplicateList, DuplicateMember } from '@shared/contract/duplicates'
import type { Archive } from '../db/open'

const OPENING_CHARS = 220

interface PairRow {
  articleId: number
  otherId: number
  articleUid: string
  otherUid: string
  score: number
}

interface MemberRow extends Omit<DuplicateMember, 'opening' | 'bodyLength'> {
  id: number
  body: string
}

/** Open pairs between articles that are both out of the trash. */
const OPEN_PAIRS = `SELECT d.article_id AS articleId, d.other_id AS otherId, a.uid AS articleUid,
    o.uid AS otherUid, d.score
  FROM duplicate_candidates d
  JOIN articles a ON a.id = d.article_id AND a.deleted_at IS NULL
  JOIN articles o ON o.id = d.other_id AND o.deleted_at IS NULL
  WHERE d.status = 'open' ORDER BY d.id`

function find(parent: Map<number, number>, x: number): number {
  let root = x
  while (parent.get(root) !== root) root = parent.get(root)!
  // path halving keeps later finds short
  while (parent.get(x) !== root) {
    const next = parent.get(x)!
    parent.set(x, root)
    x = next
  }
  return root
}

/**
 * The possible-duplicate groups: articles joined by open pairs (a wire story copied by five
 * papers is one group of five, not ten pairs), oldest article first, largest groups first.
 */
export function listDuplicates(archive: Archive, limit = 200): DuplicateList {
  const pairs = archive.sqlite.prepare(OPEN_PAIRS).all() as PairRow[]
  const parent = new Map<number, number>()
  for (const p of pairs) {
    for (const id of [p.articleId, p.otherId]) if (!parent.has(id)) parent.set(id, id)
    const a = find(parent, p.articleId)
    const b = find(parent, p.otherId)
    if (a !== b) parent.set(a, b)
  }
  const byRoot = new Map<number, PairRow[]>()
  for (const p of pairs) {
    const root = find(parent, p.articleId)
    const list = byRoot.get(root) ?? []
    list.push(p)
    byRoot.set(root, list)
  }
  const member = archive.sqlite.prepare(
    `SELECT a.id, a.uid, a.title, s.name AS source, a.published, a.created_at AS createdAt, a.body
     FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?`
  )
  const groups: DuplicateGroup[] = [...byRoot.values()]
    .map((groupPairs) => {
      const ids = new Set(groupPairs.flatMap((p) => [p.articleId, p.otherId]))
      return { ids: [...ids].sort((x, y) => x - y), pairs: groupPairs }
    })
    .sort((x, y) => y.ids.length - x.ids.length || x.ids[0] - y.ids[0])
    .slice(0, limit)
    .map(({ ids, pairs: groupPairs }) => ({
      members: ids.map((id) => {
        const { body, id: _id, ...row } = member.get(id) as MemberRow
        void _id
        return { ...row, opening: body.slice(0, OPENING_CHARS), bodyLength: body.length }
      }),
      pairs: groupPairs.map((p) => ({
        articleUid: p.articleUid,
        otherUid: p.otherUid,
        score: p.score
      }))
    }))
  return { groups, openPairs: pairs.length }
}
