// Module resolve hook (node:module `register`): 'electron' is the test double; all else as usual.
const DOUBLE = new URL('./electron.mjs', import.meta.url).href

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: DOUBLE, format: 'module', shortCircuit: true }
  return nextResolve(specifier, context)
}
