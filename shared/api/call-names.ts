// The names of every API call, as a plain list with no dependencies: the Electron preload imports
// only this (it must stay tiny and sandbox-safe). contract.ts is checked against it at compile
// time, so a call cannot exist in one and not the other.
export const CALL_NAMES = [
  'app.status',
  'office.setup',
  'session.signIn',
  'session.signOut',
  'officers.list',
  'officers.create',
  'catalog.search',
  'catalog.get',
  'cases.list',
  'cases.get',
  'cases.create',
  'cases.update',
  'cases.setStatus',
  'documents.list',
  'documents.get',
  'documents.create',
  'documents.save',
  'documents.markReady',
  'documents.pdf',
  'signing.state',
  'signing.start',
  'signing.sign',
  'signing.resolve',
  'signing.end',
  'seals.seal',
  'seals.correct',
  'bundles.export',
  'seals.get',
  'seals.verify',
  'audit.list',
  'evidence.list',
  'evidence.beginImport',
  'evidence.reverify',
  'capture.open',
  'capture.take',
  'capture.close',
] as const;
export type CallName = (typeof CALL_NAMES)[number];

/** Prefix of the Electron IPC channel for each call: `api:cases.create`. */
export const IPC_PREFIX = 'api:';
