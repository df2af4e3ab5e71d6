/**
 * `npx tsx --tsconfig tsconfig.node.json bench/editor.ts`: the reader/editor at scale. Generates
 * an article of 50,000 words with 2,000 annotations in a temporary archive (generated text, not
 * the corpus), serves it with the browser host, opens it in Chromium and measures the time until
 * the editor shows it with its highlights, then the latency of 50 keystrokes typed at its start.
 * Prints one JSON line. Needs the built renderer (`npx electron-vite build`).
 * In-page code is passed as strings: this file is type-checked without the DOM library.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Page } from 'playwright-core'
import { createAnnotation } from '../src/main/core/annotations/service'
import { createHandlers } from '../src/main/core/api/handlers'
import { createArticle } from '../src/main/core/articles/service'
import { openArchive, type Archive } from '../src/main/core/db/open'
import { indexArticle } from '../src/main/core/search/indexer'
import { startServer } from '../src/main/host/server'
import { ANNOTATION_COLORS } from '../src/shared/contract/annotations'

const WORDS = 50_000
const ANNOTATIONS = 2_000
const KEYSTROKES = 50
const RUNS = 5
const RENDERER_DIR = resolve(import.meta.dirname, '..', 'out', 'renderer')

const VOCABULARY = (
  'قال الوزير إن الحكومة ستواصل العمل مع الشركاء في المنطقة على تعزيز التعاون الاقتصادي ' +
  'والتنمية المستدامة وأضاف أن المفاوضات التي جرت في العاصمة تناولت ملفات الطاقة والمياه ' +
  'والتعليم والصحة كما أكد المتحدث باسم الوزارة أن الاجتماع المقبل سيعقد في الربيع بحضور ' +
  'ممثلين عن المنظمات الدولية والمجتمع المدني The minister said cooperation matters ٢٠١٦ ' +
  'مُستقبَلٌ واعدٌ للشبابِ في المدنِ والقرى'
).split(' ')

/** A deterministic pseudo-random generator (mulberry32): the same article every run. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Paragraphs of 20 to 60 words; returns the body and the start offset of every word. */
function generateBody(next: () => number): { body: string; words: [number, number][] } {
  const lines: string[] = []
  const words: [number, number][] = []
  let offset = 0
  let count = 0
  while (count < WORDS) {
    const length = Math.min(WORDS - count, 20 + Math.floor(next() * 40))
    const line: string[] = []
    for (let i = 0; i < length; i++) {
      const word = VOCABULARY[Math.floor(next() * VOCABULARY.length)]
      words.push([offset, offset + word.length])
      offset += word.length + 1
      line.push(word)
    }
    lines.push(`${line.join(' ')}.`)
    offset += 1 // the full stop; the newline was counted as the last word's space
    count += length
  }
  return { body: lines.join('\n'), words }
}

function populate(archive: Archive): string {
  const next = random(20_160_229)
  const { body, words } = generateBody(next)
  const { uid } = createArticle(archive, { title: 'مقال طويل للقياس', body })
  const step = Math.floor(words.length / ANNOTATIONS)
  archive.sqlite.transaction(() => {
    for (let i = 0; i < ANNOTATIONS; i++) {
      const first = words[i * step]
      const last = words[Math.min(words.length - 1, i * step + Math.floor(next() * 4))]
      // some start or end inside a word, as a researcher's selection may
      const inside = i % 5 === 0 ? 1 : 0
      createAnnotation(archive, {
        articleUid: uid,
        start: first[0] + inside,
        end: Math.max(first[0] + inside + 1, last[1] - inside),
        color: ANNOTATION_COLORS[i % ANNOTATION_COLORS.length],
        tags: i % 4 === 0 ? ['قياس', `وسم/${i % 10}`] : []
      })
    }
  })()
  // notes are written at once and indexed once (a note added in the app re-indexes its article)
  archive.sqlite.prepare(`UPDATE annotations SET note = 'ملاحظة رقم ' || id WHERE id % 3 = 0`).run()
  indexArticle(archive, rowId(archive, uid))
  return uid
}

const rowId = (archive: Archive, uid: string): number =>
  archive.sqlite.prepare('SELECT id FROM articles WHERE uid = ?').pluck().get(uid) as number

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}
const round = (n: number): number => Math.round(n * 10) / 10

/** In-page: resolves with ms since `t0` once the text, its highlights and the panel show. */
const READY = `(count) => new Promise((done) => {
  const t0 = performance.now()
  const check = () => {
    const tab = document.querySelector('[data-testid=tab-annotations]')
    const ready = document.querySelector('.cm-content .cm-line') &&
      document.querySelector('.cm-annotation') && tab && tab.textContent.includes('(' + count + ')')
    if (ready) requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0)))
    else requestAnimationFrame(check)
  }
  window.__open()
  check()
})`

async function openTimes(page: Page, hash: string): Promise<number[]> {
  const times: number[] = []
  for (let run = 0; run < RUNS; run++) {
    await page.evaluate(`location.hash = '#/'`)
    await page.waitForSelector('.library, .content')
    await page.waitForTimeout(150)
    await page.evaluate(`window.__open = () => { location.hash = ${JSON.stringify(hash)} }`)
    times.push(await page.evaluate<number>(`(${READY})(${ANNOTATIONS})`))
  }
  return times
}

/** Types at the start of the text; each latency runs from `beforeinput` to the next frame. */
async function typeLatencies(page: Page): Promise<{ latencies: number[]; totalMs: number }> {
  await page.evaluate(`(() => {
    const content = document.querySelector('.cm-content')
    content.focus()
    const first = content.querySelector('.cm-line').firstChild
    const text = first.nodeType === 3 ? first : first.firstChild
    document.getSelection().setBaseAndExtent(text, 0, text, 0)
    window.__latencies = []
    document.addEventListener('beforeinput', () => {
      const t0 = performance.now()
      requestAnimationFrame(() => setTimeout(() => window.__latencies.push(performance.now() - t0)))
    }, true)
  })()`)
  await page.waitForTimeout(100)
  const letters = 'بسم الله والكتابة'
  const started = Date.now()
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.type(letters[i % letters.length])
    await page.evaluate(`new Promise((done) => {
      const check = () => window.__latencies.length >= ${i + 1} ? done() : requestAnimationFrame(check)
      check()
    })`)
  }
  const totalMs = Date.now() - started
  const latencies = await page.evaluate<number[]>('window.__latencies')
  return { latencies, totalMs }
}

export async function benchEditor(): Promise<Record<string, number>> {
  if (!existsSync(join(RENDERER_DIR, 'index.html')))
    throw new Error('The renderer is not built: run `npx electron-vite build` first.')
  const executablePath = process.env.WARRAQ_CHROMIUM ?? '/usr/bin/chromium'
  const work = mkdtempSync(join(tmpdir(), 'warraq-bench-editor-'))
  const archive = openArchive(join(work, 'archive.db'))
  const server = await startServer({ handlers: createHandlers(archive), rendererDir: RENDERER_DIR })
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
  })
  try {
    let t0 = performance.now()
    const uid = populate(archive)
    const populateMs = performance.now() - t0
    const body = archive.sqlite.prepare('SELECT body FROM articles WHERE uid = ?').pluck().get(uid)
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } })
    await page.goto(server.url)
    await page.waitForSelector('.content')
    const reader = await openTimes(page, `#/article/${uid}`)
    const editor = await openTimes(page, `#/article/${uid}/edit`)
    t0 = performance.now()
    await page.reload()
    await page.waitForSelector('.cm-annotation')
    const reloadMs = performance.now() - t0
    const typing = await typeLatencies(page)
    const typed = await page.evaluate<number>(
      `document.querySelector('.cm-content').textContent.length`
    )
    await browser.close()
    return {
      words: WORDS,
      annotations: ANNOTATIONS,
      bodyChars: String(body).length,
      populateMs: round(populateMs),
      readerOpenMsP50: round(percentile(reader, 50)),
      readerOpenMsMax: round(Math.max(...reader)),
      editorOpenMsP50: round(percentile(editor, 50)),
      editorOpenMsMax: round(Math.max(...editor)),
      editorReloadMs: round(reloadMs),
      keystrokes: typing.latencies.length,
      keyLatencyMsP50: round(percentile(typing.latencies, 50)),
      keyLatencyMsP95: round(percentile(typing.latencies, 95)),
      keyLatencyMsMax: round(Math.max(...typing.latencies)),
      typing50Ms: typing.totalMs,
      renderedChars: typed
    }
  } finally {
    await browser.close().catch(() => undefined)
    await server.close()
    archive.close()
    rmSync(work, { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchEditor()
  process.stdout.write(`${JSON.stringify(result)}\n`)
}
