import { csvRow } from './src/shared/csv/writer'
import { parseCsv } from './src/shared/csv/reader'
import { csvImporter } from './src/main/core/import/formats/csv'
const csv = csvRow(['title', 'body', 'date']) + Array.from({ length: 31000 }, (_, i) => csvRow(['t' + i, 'نص "الخبر", '.repeat(200), '2015-07-21'])).join('')
let t = performance.now(); const rows = parseCsv(csv)
console.log('parseCsv', Math.round(performance.now() - t), 'ms', rows.length, rows[5][1].slice(0, 30))
t = performance.now(); csvImporter.parse(csv, { fileName: 'a.csv' })
console.log('import', Math.round(performance.now() - t), 'ms')
