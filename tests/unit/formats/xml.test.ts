import { describe, expect, it } from 'vitest'
import { ImportFormatError } from '../../../src/main/core/import/formats/types'
import { parseXmlWithReport, xmlImporter } from '../../../src/main/core/import/formats/xml'
import {
  decodeEntities,
  elementText,
  scanXml
} from '../../../src/main/core/import/formats/xmlScanner'
import { fixtureText } from './fixture'

function reasonOf(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFormatError)
    return (error as Error).message
  }
  throw new Error('expected an ImportFormatError')
}

const parse = (text: string, fileName = 'd.xml') => xmlImporter.parse(text, { fileName })

describe('xmlImporter on a TREC file with 3 DOCs and no root', () => {
  const articles = parse(fixtureText('three-docs.trec'), 'three-docs.trec')

  it('finds every record with its DOCNO', () => {
    expect(articles.map((a) => a.sourceId)).toEqual([
      'WRQ-2014-0001',
      'WRQ-2014-0002',
      'WRQ-2014-0003'
    ])
  })

  it('reads HEADLINE, TEXT paragraphs, DATE and BYLINE', () => {
    expect(articles[0]).toEqual({
      title: 'انطلاق مهرجان التمور في الواحة',
      body:
        'انطلق مساء الأربعاء مهرجان التمور السنوي بمشاركة مئة وعشرين مزارعاً\nمن القرى المجاورة.\n' +
        'ويستمر المهرجان عشرة أيام، وتقام على هامشه ورش عن التغليف & التسويق.',
      sourceId: 'WRQ-2014-0001',
      published: '2014-03-05',
      datePrecision: 'day',
      dateText: '2014-03-05'
    })
    expect(articles[1].authors).toEqual(['Omar Haddad', 'Lina Saleh'])
    expect(articles[1].published).toBe('2014-03-05')
  })

  it('is lenient: unescaped & and <, unclosed <P>, entities, CDATA', () => {
    expect(articles[1].title).toBe('Rain expected & roads closed')
    expect(articles[1].body).toBe(
      'Light rain is expected in the north. Two mountain roads will close if x<y holds.'
    )
    expect(articles[2].title).toBe('تقرير <خاص> عن الأسواق')
    expect(articles[2].body).toBe(
      'ارتفعت أسعار الخضار في الأسواق الشعبية أمس بنسبة طفيفة.\nوعزا التجار ذلك إلى تأخر وصول الشحنات.'
    )
    expect(articles[2].dateText).toBe('1435/05/04')
  })
})

describe('xmlImporter on RSS', () => {
  const articles = parse(fixtureText('feed.rss'), 'feed.rss')

  it('reads items, the channel title as source, content:encoded as body, description as summary', () => {
    expect(articles).toHaveLength(2)
    expect(articles[0]).toEqual({
      title: 'ميناء الصيادين يستقبل أول قوارب الموسم',
      body:
        'وصلت صباح اليوم أولى قوارب الصيد إلى الميناء محملة بالهامور والشعور.\n' +
        'وقال أحد الصيادين إن الموسم يبدو واعداً هذا العام & الأسعار مستقرة.',
      source: 'أخبار الساحل',
      url: 'https://sahel.example/news/101',
      sourceId: 'sahel-101',
      section: 'محليات',
      // an RSS <category> is a section and a tag; the item's <description> its summary
      tags: ['محليات'],
      summary: 'وصلت صباح اليوم أولى قوارب الصيد إلى الميناء.',
      authors: ['نورة القحطاني'],
      published: '2015-07-21',
      datePrecision: 'day',
      dateText: 'Tue, 21 Jul 2015 02:51:33 GMT'
    })
  })

  it('falls back to an escaped-HTML description', () => {
    expect(articles[1].body).toBe(
      'Volunteers collected two tonnes of litter along the northern beach.'
    )
    expect(articles[1].published).toBe('2015-07-22')
  })
})

describe('xmlImporter other shapes', () => {
  it('reads repeated children of any root, names in any case, attributes as fields', () => {
    const text = `<?xml version="1.0"?><export>
      <news id="n1"><Header>أول</Header><Content>نص أول</Content><Link>https://a.example</Link></news>
      <news id="n2"><header>ثان</header><content>نص ثان</content><Author>عمر، لينا</Author></news>
    </export>`
    const articles = parse(text)
    expect(articles.map((a) => [a.title, a.body, a.sourceId])).toEqual([
      ['أول', 'نص أول', 'n1'],
      ['ثان', 'نص ثان', 'n2']
    ])
    expect(articles[0].url).toBe('https://a.example')
    expect(articles[1].authors).toEqual(['عمر', 'لينا'])
  })

  it('reads a single-record file and an Atom link attribute', () => {
    const [one] = parse(
      '<entry><title>وحيد</title><link href="https://b.example/x"/><summary>s</summary><content>نص</content></entry>'
    )
    expect(one).toMatchObject({ title: 'وحيد', url: 'https://b.example/x', body: 'نص' })
    const [root] = parse('<story><title>قصة</title><body>متن</body></story>')
    expect(root).toMatchObject({ title: 'قصة', body: 'متن' })
  })

  it('reports records with neither title nor body', () => {
    const result = parseXmlWithReport(
      '<DOC><DOCNO>1</DOCNO><TEXT>ن</TEXT></DOC><DOC><DOCNO>2</DOCNO></DOC>',
      {
        fileName: 'x.trec'
      }
    )
    expect(result.articles).toHaveLength(1)
    expect(result.skipped).toEqual([
      { index: 2, reason: 'it has no title and no body (fields: DOCNO)' }
    ])
  })

  it('gives clear reasons for empty and record-less files', () => {
    expect(reasonOf(() => parse(''))).toBe('The XML file is empty')
    expect(reasonOf(() => parse('just text, no tags'))).toBe(
      'The XML file has no elements, so no records to import'
    )
    expect(reasonOf(() => parse('<DOC><DOCNO>1</DOCNO></DOC>'))).toMatch(
      /^None of the 1 records in the XML file is an article \(record 1: it has no title/
    )
  })

  it('skips DTDs without expanding entities and survives deep nesting', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>
      <doc><title>&lol2;</title><text>نص</text></doc>`
    expect(parse(bomb)[0].title).toBe('&lol2;')
    const deep = `<doc><title>عميق</title><text>${'<x>'.repeat(100_000)}قاع${'</x>'.repeat(100_000)}</text></doc>`
    expect(parse(deep)[0].body).toBe('قاع')
  })
})

describe('xmlScanner', () => {
  it('decodes XML and numeric entities, leaves unknown ones', () => {
    expect(decodeEntities('&lt;&amp;&#1571;&#x627;&nbsp;&bogus; & &#0;')).toBe(
      '<&أا\u00a0&bogus; & &#0;'
    )
  })

  it('closes the nearest open element and ignores stray closing tags', () => {
    const doc = scanXml('<a><b>one<c>two</b>three</z></a>')
    expect(elementText(doc)).toBe('one\ntwo\nthree')
  })

  it('sniffs TREC, RSS and XML, not XHTML', () => {
    expect(xmlImporter.sniff(fixtureText('three-docs.trec'), 'x')).toBe(0.95)
    expect(xmlImporter.sniff(fixtureText('feed.rss'), 'x')).toBe(0.95)
    expect(xmlImporter.sniff('<?xml version="1.0"?><root/>', 'x')).toBe(0.85)
    expect(xmlImporter.sniff('<?xml version="1.0"?><html xmlns="x"></html>', 'x')).toBe(0.1)
    expect(xmlImporter.sniff('عنوان', 'x')).toBe(0)
  })
})
