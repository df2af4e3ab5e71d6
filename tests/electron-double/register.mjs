// `node --import ./tests/electron-double/register.mjs out/main/index.js`: every `import … from
// 'electron'` of the built main process resolves to the test double instead of the binary.
import { register } from 'node:module'

register('./hooks.mjs', import.meta.url)
