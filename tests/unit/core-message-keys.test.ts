import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { messages } from '../../src/renderer/src/i18n/messages'
import { revisionLabel } from '../../src/shared/revisions'

const ROOTS = ['src/main/core', 'src/main/cli']

/** The keys of each language of the renderer's catalogue, from the module itself. */
const catalogue = {
  ar: new Set(Object.keys(messages.ar)),
  en: new Set(Object.keys(messages.en))
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

/** Every literal catalogue key core code writes: `key: 'domain.what'`. */
function keysInCore(): Map<string, string> {
  const found = new Map<string, string>()
  for (const file of ROOTS.flatMap(sources)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bkey: '([a-z_]+\.[a-z_.]+)'/g)) {
      found.set(m[1], file)
    }
  }
  return found
}

describe('core message keys', () => {
  it('every key core throws or reports is in both catalogues', () => {
    const keys = keysInCore()
    expect(keys.size).toBeGreaterThan(40)
    const missing = [...keys].filter(([key]) => !catalogue.ar.has(key) || !catalogue.en.has(key))
    expect(missing.map(([key, file]) => `${key} (${file})`)).toEqual([])
  })

  it('labels every stored revision reason with a catalogue key', () => {
    const reasons = ['create', 'import', 'edit', 'bulk', 'undo bulk', 'restore 3', 'merge abc-1']
    for (const reason of reasons) {
      const { key } = revisionLabel(reason)
      expect(key, reason).not.toBe('revision.other')
      expect(catalogue.ar.has(key) && catalogue.en.has(key), key).toBe(true)
    }
    expect(revisionLabel('restore 12')).toEqual({
      key: 'revision.restore',
      params: { version: 12 }
    })
    expect(revisionLabel('something new')).toEqual({
      key: 'revision.other',
      params: { reason: 'something new' }
    })
  })
})
