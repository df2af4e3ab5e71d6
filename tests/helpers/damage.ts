import Database from 'better-sqlite3'
import { closeSync, openSync, readSync, writeSync } from 'node:fs'
import { createArticle } from '../../src/main/core/articles/service'
import type { Archive } from '../../src/main/core/db/open'

/** Enough articles that the tables span many pages, so "a page in the middle" exists. */
export function populate(archive: Archive, count = 120): void {
  for (let i = 0; i < count; i++) {
    createArticle(archive, {
      title: `خبر رقم ${i}`,
      body: `فقرة أولى عن الموضوع ${i} في مدينة الرياض.\n${'نص طويل يملأ الصفحات '.repeat(40)}${i}`
    })
  }
}

/** A leaf page of `table` from the middle of its pages (the file must be closed, no -wal). */
export function middlePageOf(file: string, table: string): { pageno: number; pageSize: number } {
  const db = new Database(file, { readonly: true })
  try {
    const pages = db
      .prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno")
      .pluck()
      .all(table) as number[]
    if (pages.length === 0) throw new Error(`no leaf page for ${table}`)
    return {
      pageno: pages[Math.floor(pages.length / 2)],
      pageSize: db.pragma('page_size', { simple: true }) as number
    }
  } finally {
    db.close()
  }
}

/**
 * Flips the bits of `length` bytes of a page, from `at` within it: at 0 its b-tree header becomes
 * nonsense (quick_check sees it); near its end, only the stored values change (it cannot).
 */
export function flipPageBytes(
  file: string,
  pageno: number,
  pageSize: number,
  length = 48,
  at = 0
): void {
  const fd = openSync(file, 'r+')
  try {
    const offset = (pageno - 1) * pageSize + at
    const bytes = Buffer.alloc(length)
    readSync(fd, bytes, 0, length, offset)
    for (let i = 0; i < length; i++) bytes[i] ^= 0xff
    writeSync(fd, bytes, 0, length, offset)
  } finally {
    closeSync(fd)
  }
}
