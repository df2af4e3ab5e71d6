import { describe, expect, it } from 'vitest'
import type { BackupReason } from '../../../src/shared/contract/backups'
import { chooseBackups, weekKey, type RotationInput } from '../../../src/main/core/backup/rotation'

const NOW = new Date('2026-03-31T12:00:00Z')
const HOUR = 60 * 60 * 1000

function fake(hoursAgo: number, reason: BackupReason = 'auto'): RotationInput {
  const at = new Date(NOW.getTime() - hoursAgo * HOUR)
  return { file: `${reason}-${hoursAgo}h`, createdAt: at.toISOString(), reason }
}

function kept(list: RotationInput[], policy?: Parameters<typeof chooseBackups>[2]): string[] {
  return chooseBackups(list, NOW, policy).keep.map((b) => b.file)
}

describe('backup rotation', () => {
  it('keeps the newest backup of each of the last 7 days', () => {
    // two a day for 10 days: 12 h apart
    const list = Array.from({ length: 20 }, (_, i) => fake(i * 12))
    const { keep, remove } = chooseBackups(list, NOW, {
      daily: 7,
      weekly: 0,
      specialDays: 30,
      keepForever: []
    })
    expect(keep.map((b) => b.file)).toEqual([
      'auto-0h',
      'auto-24h',
      'auto-48h',
      'auto-72h',
      'auto-96h',
      'auto-120h',
      'auto-144h'
    ])
    expect(keep.length + remove.length).toBe(20)
  })

  it('keeps one backup for each of the last 4 weeks beyond the dailies', () => {
    const list = Array.from({ length: 60 }, (_, i) => fake(i * 24))
    const files = kept(list, { daily: 7, weekly: 4, specialDays: 30, keepForever: [] })
    const weeks = new Set(list.map((b) => weekKey(new Date(b.createdAt))))
    expect(weeks.size).toBeGreaterThan(4)
    // 7 dailies, and the newest of each of the 4 newest weeks (some of them are dailies)
    expect(files.slice(0, 7)).toEqual(list.slice(0, 7).map((b) => b.file))
    const keptWeeks = new Set(
      files.map((f) => weekKey(new Date(list.find((b) => b.file === f)!.createdAt)))
    )
    expect(keptWeeks.size).toBe(4)
    expect(files.length).toBeLessThanOrEqual(11)
    expect(files).not.toContain('auto-1416h')
  })

  it('keeps pre-migration and pre-restore backups for 30 days, then lets them go', () => {
    const list = [
      fake(0),
      fake(5, 'pre-migration'),
      fake(6, 'pre-restore'),
      fake(7, 'pre-migration'),
      fake(29 * 24, 'pre-restore'),
      fake(31 * 24, 'pre-migration')
    ]
    const files = kept(list, { daily: 1, weekly: 0, specialDays: 30, keepForever: [] })
    expect(files).toEqual([
      'auto-0h',
      'pre-migration-5h',
      'pre-restore-6h',
      'pre-migration-7h',
      'pre-restore-696h'
    ])
  })

  it('never lets a manual backup go, and always keeps the newest', () => {
    const list = [fake(2000, 'manual'), fake(3000)]
    expect(kept(list, { daily: 0, weekly: 0, specialDays: 0, keepForever: ['manual'] })).toEqual([
      'manual-2000h'
    ])
    expect(
      kept([fake(3000), fake(4000)], { daily: 0, weekly: 0, specialDays: 0, keepForever: [] })
    ).toEqual(['auto-3000h'])
  })

  it('ISO weeks start on Monday and belong to the year of their Thursday', () => {
    expect(weekKey(new Date('2026-01-01T00:00:00Z'))).toBe('2026-W01')
    expect(weekKey(new Date('2025-12-29T00:00:00Z'))).toBe('2026-W01')
    expect(weekKey(new Date('2027-01-01T00:00:00Z'))).toBe('2026-W53')
    expect(weekKey(new Date('2026-03-30T00:00:00Z'))).not.toBe(
      weekKey(new Date('2026-03-29T23:59:59Z'))
    )
  })
})
