// Types of electron-sqlite.mjs, for the unit tests (the scripts themselves run as plain Node).
export interface Target {
  electronVersion: string
  platform: string
  arch: string
}
export interface Step {
  method: 'prebuilt' | 'compile'
  command: string
  args: string[]
  cwd: string
}
export interface SpawnOptions {
  cwd: string
  env: Record<string, string | undefined>
}
export interface Deps {
  spawn(command: string, args: string[], options: SpawnOptions): { status: number | null }
  sqliteDir: string
  prebuildInstall?: string
  nodeGyp?: string
  execPath: string
  missingToolchain(): string[]
  log(line: string): void
  scratch?: string
}
export type Outcome =
  | { ok: true; file: string; method: 'cached' | 'prebuilt' | 'compile' }
  | { ok: false; message: string }

export const ADDON_FILE: string
export function buildKey(target: Target): string
export function addonPath(root: string, target: Target): string
export function copyFilter(sqliteDir: string): (src: string) => boolean
export function findOnPath(
  name: string,
  options?: {
    env?: Record<string, string | undefined>
    platform?: string
    exists?: (file: string) => boolean
  }
): string | undefined
export function missingToolchain(options?: {
  platform?: string
  find?: (name: string) => string | undefined
}): string[]
export function nodeGypCandidates(options: {
  resolve: (id: string) => string
  env?: Record<string, string | undefined>
  execPath?: string
  platform?: string
}): string[]
export function plan(options: {
  target: Target
  work: string
  execPath: string
  prebuildInstall?: string
  nodeGyp?: string
}): Step[]
export const messages: {
  prebuiltFailed(target: Target): string
  noToolchain(target: Target, missing: string[]): string
  noNodeGyp(target: Target): string
  compileFailed(target: Target): string
  built(target: Target, method: string, file: string): string
}
export function ensureElectronSqlite(root: string, target: Target, deps: Deps): Outcome
