import { describe, expect, it } from 'vitest'
import {
  HTML_MAX_BYTES,
  htmlImporter,
  stripSiteName
} from '../../../src/main/core/import/formats/html'
import { ImportFormatError } from '../../../src/main/core/import/formats/types'
import type { ParsedArticle } from '@shared/domain'
import { fixtureText } from './fixture'

function parseOne(html: string, fileName = 'page.html'): ParsedArticle {
  const articles = htmlImporter.parse(html, { fileName })
  expect(articles).toHaveLength(1)
  return articles[0]
}

function reasonOf(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFormatError)
    return (error as Error).message
  }
  throw new Error('expected an ImportFormatError')
}

/** Every string field of an article, to check that no markup survived anywhere. */
function allText(article: ParsedArticle): string {
  return JSON.stringify(article)
}

describe('htmlImporter on a news page with navigation, ads and footer', () => {
  const article = parseOne(fixtureText('news-page.html'), 'news-page.html')

  it('takes the Open Graph title without the site-name suffix', () => {
    expect(article.title).toBe('افتتاح مكتبة الحي القديم بعد ترميمها')
  })

  it('reads source, url, section, language, authors, caption', () => {
    expect(article.source).toBe('صحيفة الواحة')
    expect(article.url).toBe('https://alwaha.example/culture/old-library?ref=canonical')
    expect(article.section).toBe('ثقافة')
    expect(article.lang).toBe('ar')
    expect(article.authors).toEqual(['سلمى الراشد', 'فهد العتيبي'])
    expect(article.caption).toBe('واجهة المكتبة بعد الترميم (تصوير: ماجد الحربي)')
  })

  it('reads the published date, keeping the date as the page shows it', () => {
    expect(article.published).toBe('2016-02-29')
    expect(article.datePrecision).toBe('day')
    expect(article.dateText).toContain('29 فبراير 2016')
  })

  it('keeps the article paragraphs as lines, entities decoded', () => {
    const lines = article.body.split('\n')
    expect(lines).toHaveLength(4)
    expect(lines[0]).toMatch(/^افتتحت البلدية صباح أمس/)
    expect(lines[1]).toContain('«ثمانية آلاف»')
    expect(lines[1]).toContain('نادرة & دوريات')
    expect(lines[3]).toBe(
      'The reading room also hosts a small weekly talk on the history of the neighbourhood.'
    )
  })

  it('drops navigation, ads, share buttons, related teasers, forms, footer, scripts', () => {
    for (const noise of [
      'رياضة',
      'إعلان',
      'شارك على',
      'اقرأ أيضاً',
      'ندوة عن',
      'اشترك',
      'جميع الحقوق',
      'injected',
      'tracker',
      'جافاسكربت',
      'بقلم'
    ]) {
      expect(article.body).not.toContain(noise)
    }
  })

  it('keeps no markup in any field', () => {
    expect(allText(article)).not.toMatch(/<\/?[a-z][^>]*>/i)
    expect(allText(article)).not.toMatch(/&(amp|laquo|raquo);/)
  })
})

describe('htmlImporter without <article>', () => {
  it('picks the element with the most paragraph text and finds a date line in it', () => {
    const article = parseOne(fixtureText('no-article-page.html'))
    expect(article.title).toBe('نشرة الطقس')
    expect(article.source).toBe('موقع السحاب')
    expect(article.body).toContain('تتوقع الأرصاد أمطاراً متفرقة')
    expect(article.body).not.toContain('الأكثر قراءة')
    expect(article.body).not.toContain('الأرشيف')
    expect(article.published).toBe('2015-07-21')
    expect(article.dateText).toContain('21 يوليو 2015')
  })

  it('reads paragraphs separated by <br> and falls back to <h1> and the file name', () => {
    const long = 'هذه فقرة طويلة بما يكفي لتكون نص الخبر الرئيسي في صفحة بلا وسوم فقرات. '
    const article = parseOne(
      `<body><div class="menu"><a href="/">الرئيسية</a></div><h1>عنوان &amp; رئيسي</h1>` +
        `<div id="story">${long}<br>${long}<br><br>${long}</div></body>`
    )
    expect(article.title).toBe('عنوان & رئيسي')
    expect(article.body.split('\n')).toHaveLength(3)
    const untitled = parseOne(`<p>${long}</p>`, 'folder/scraped-page.html')
    expect(untitled.title).toBe('scraped-page')
  })

  it('reads author from rel=author and byline, date from <time>', () => {
    const text = 'نص الخبر في فقرة كاملة تكفي لاختيار هذا العنصر بوصفه المتن الأساسي للصفحة.'
    const article = parseOne(
      `<html><head><title>خبر</title></head><body><article>` +
        `<a rel="author" href="/u/1">كتب: عمر حداد</a><time datetime="2015-07-21T23:30:00+03:00">` +
        `21 يوليو</time><p>${text}</p></article></body></html>`
    )
    expect(article.authors).toEqual(['عمر حداد'])
    expect(article.published).toBe('2015-07-21')
    expect(article.dateText).toBe('21 يوليو')
    expect(article.body).toBe(text)
  })
})

describe('htmlImporter limits and bad input', () => {
  it('refuses a 50 MB page before parsing it, with the reason', () => {
    const chunk = '<div><p>حشو حشو حشو</p></div>'.repeat(1024)
    const page = `<html><body>${chunk.repeat(Math.ceil((50 * 1024 * 1024) / chunk.length))}</body></html>`
    expect(page.length).toBeGreaterThan(50 * 1024 * 1024)
    expect(reasonOf(() => htmlImporter.parse(page, { fileName: 'huge.html' }))).toMatch(
      /^The HTML file is too large \(\d+\.\d MB\); pages over 20 MB are refused/
    )
  })

  it('counts bytes, not characters, against the cap', () => {
    // 8 M Arabic letters are 16 MB of UTF-8 … but 12 M are 24 MB
    const page = `<p>${'ب'.repeat(12 * 1024 * 1024)}</p>`
    expect(page.length).toBeLessThan(HTML_MAX_BYTES)
    expect(reasonOf(() => htmlImporter.parse(page, { fileName: 'p.html' }))).toMatch(
      /too large \(24\.0 MB\)/
    )
  })

  it('survives very deep nesting without overflowing the stack', () => {
    const depth = 100_000
    const page = `<html><body>${'<div>'.repeat(depth)}<p>النص في أعمق عنصر من عناصر الصفحة المتداخلة جداً.</p>${'</div>'.repeat(depth)}</body></html>`
    expect(parseOne(page).body).toBe('النص في أعمق عنصر من عناصر الصفحة المتداخلة جداً.')
  })

  it('refuses a page with no readable text', () => {
    expect(
      reasonOf(() =>
        htmlImporter.parse('<html><body><script>x()</script></body></html>', { fileName: 'e.html' })
      )
    ).toBe('The HTML page has no readable text (no title and no paragraphs)')
  })
})

describe('stripSiteName and sniff', () => {
  it('strips a site name at either end', () => {
    expect(stripSiteName('خبر - الواحة', 'الواحة')).toBe('خبر')
    expect(stripSiteName('الواحة | خبر', 'الواحة')).toBe('خبر')
    expect(stripSiteName('خبر - موقع آخر', 'الواحة')).toBe('خبر - موقع آخر')
    expect(stripSiteName('خبر - الواحة', undefined)).toBe('خبر - الواحة')
  })

  it('is sure of doctype pages, less of fragments, not of text', () => {
    expect(htmlImporter.sniff(fixtureText('news-page.html'), 'x.txt')).toBeGreaterThanOrEqual(0.9)
    expect(htmlImporter.sniff('<p>فقرة</p>', 'x')).toBe(0.5)
    expect(htmlImporter.sniff('عنوان\n\nنص عادي', 'x.html')).toBe(0)
  })
})
