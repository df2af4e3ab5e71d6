export * from './writer'
export * from './reader'
