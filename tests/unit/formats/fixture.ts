import { readFileSync } from 'node:fs'

/** A file of tests/fixtures/formats as bytes. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../fixtures/formats/${name}`, import.meta.url)))
}

/** A UTF-8 file of tests/fixtures/formats as text. */
export function fixtureText(name: string): string {
  return new TextDecoder().decode(fixtureBytes(name))
}
