import type { Ledger } from '../schemas/ledger.ts';

/** Returns the ledger with `ids` added (sorted, no duplicates); ids are never removed. */
export function addIdsToLedger(ledger: Ledger, ids: readonly string[]): Ledger {
  return { ...ledger, ids: [...new Set([...ledger.ids, ...ids])].sort() };
}

/** The ledger as the JSON text committed in `notes/ids.json`. */
export function formatLedger(ledger: Ledger): string {
  return `${JSON.stringify({ ids: ledger.ids, redirects: ledger.redirects }, null, 2)}\n`;
}
