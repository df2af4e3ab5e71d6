/**
 * What a listing was showing (sort, filter, selection, scroll), kept for the session beside the
 * view it belongs to, so opening an article and coming back finds the library as it was.
 * Module memory, not storage: a new window starts afresh.
 */
import { useEffect, useState, type Dispatch, type SetStateAction } from 'react'

const memory = new Map<string, unknown>()

export function useRemembered<T>(
  scope: string,
  name: string,
  initial: T | (() => T)
): [T, Dispatch<SetStateAction<T>>] {
  const key = `${scope}\u0000${name}`
  const [value, setValue] = useState<T>(() =>
    memory.has(key)
      ? (memory.get(key) as T)
      : typeof initial === 'function'
        ? (initial as () => T)()
        : initial
  )
  useEffect(() => {
    memory.set(key, value)
  }, [key, value])
  return [value, setValue]
}

export function rememberedScroll(scope: string): number {
  const top = memory.get(`${scope}\u0000scroll`)
  return typeof top === 'number' ? top : 0
}

export function rememberScroll(scope: string, top: number): void {
  memory.set(`${scope}\u0000scroll`, top)
}
