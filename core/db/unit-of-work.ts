// One user action, one transaction — across stores. The stores share one database connection;
// a service whose action writes the tables of several stores (sealing: seals, documents, case
// events, audit) is handed this function instead of the database, and each store's own
// transaction inside it becomes a savepoint of the same transaction (better-sqlite3 nests them).
import type { Database } from 'better-sqlite3-multiple-ciphers';

/** Runs `fn` in one transaction: everything it writes commits together, or nothing does (it throws). Never spans an await. */
export type InTransaction = <T>(fn: () => T) => T;

export function transactionsOf(db: Database): InTransaction {
  return <T>(fn: () => T): T => db.transaction(fn)();
}
