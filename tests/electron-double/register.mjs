// `node --import ./tests/electron-double/register.mjs out/main/index.js`: every `import … from
// 'electron'` of the built main process resolves to the test double instead of the binary.
import { register } from 'node:module'

// lets a test run main as it behaves on another platform (macOS's window conventions); set
// before main's first module is evaluated
if (process.env.WARRAQ_DOUBLE_PLATFORM) {
  Object.defineProperty(process, 'platform', { value: process.env.WARRAQ_DOUBLE_PLATFORM })
}
register('./hooks.mjs', import.meta.url)
