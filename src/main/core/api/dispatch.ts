import { contract, isCallName, type CallName, type Handlers } from '@shared/contract'
import { WarraqError, type Result } from '@shared/errors'
import { findLoneSurrogate } from '@shared/text/surrogates'
import type { z } from 'zod'
import { describeSqliteError } from '../db/errors'

function describeZodError(name: string, error: z.ZodError): string {
  const issues = error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`)
  return `Invalid input for ${name}: ${issues.join('; ')}`
}

/** Turns anything thrown into error data that can cross a process or network boundary. */
export function toErrorData(err: unknown): WarraqError {
  if (err instanceof WarraqError) return err
  const sqlite = describeSqliteError(err)
  if (sqlite) return sqlite
  const message = err instanceof Error ? err.message : String(err)
  return new WarraqError('internal', `Unexpected error: ${message}`, {
    key: 'internal.unexpected',
    params: { detail: message }
  })
}

/**
 * The one gate every host goes through: checks the call name, validates the input with the
 * contract's schema, runs the handler, and returns errors as data (never a stack trace).
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  raw: unknown
): Promise<Result<unknown>> {
  if (!isCallName(name)) {
    return { ok: false, error: { code: 'unknown_call', message: `Unknown call "${name}".` } }
  }
  // refused before validation: stored, it would read back as three U+FFFD
  const broken = findLoneSurrogate(raw)
  if (broken) {
    return {
      ok: false,
      error: new WarraqError(
        'invalid_input',
        `Invalid input for ${name}: ${broken} holds a broken character (a lone UTF-16 surrogate); nothing was saved.`,
        { key: 'input.lone_surrogate', params: { field: broken } }
      ).toData()
    }
  }
  const parsed = contract[name].input.safeParse(raw ?? {})
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalid_input', message: describeZodError(name, parsed.error) }
    }
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown
    const value = await handler(parsed.data)
    return { ok: true, value }
  } catch (err) {
    const error = toErrorData(err)
    if (error.code === 'internal') console.error(`[warraq] ${name as CallName} failed:`, err)
    return { ok: false, error: error.toData() }
  }
}
