/**
 * Test control: odd answers from an exchange that does not keep its documented shape (a field missing, a status
 * string never seen, a negative balance, a non-decimal string, an empty body), for one path and one calling account,
 * so a client can be shown to mark that account and carry on with the rest (sim/README.md "Test control").
 */
export interface OddAnswer {
  path: string;
  /** The email of the account whose key calls the path; others get the normal answer. */
  account: string;
  /** Dot paths into the answer (`userAssets.0.free`) and the value to put there. */
  set?: Readonly<Record<string, unknown>>;
  /** Dot paths to remove from the answer. */
  drop?: readonly string[];
  /** Answer with an empty body (HTTP 200, no bytes). */
  empty?: boolean;
}

function walk(body: unknown, dotted: string): { parent: Record<string, unknown>; key: string } | null {
  const parts = dotted.split('.');
  let node: unknown = body;
  for (const p of parts.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string, unknown>)[p];
  }
  return node !== null && typeof node === 'object' ? { parent: node as Record<string, unknown>, key: parts[parts.length - 1]! } : null;
}

/** The answer as the fault rewrites it; `undefined` means an empty body. */
export function oddAnswer(fault: OddAnswer, body: unknown): unknown {
  if (fault.empty) return undefined;
  const copy: unknown = structuredClone(body);
  for (const [dotted, value] of Object.entries(fault.set ?? {})) {
    const at = walk(copy, dotted);
    if (at) at.parent[at.key] = value;
  }
  for (const dotted of fault.drop ?? []) {
    const at = walk(copy, dotted);
    if (at) delete at.parent[at.key];
  }
  return copy;
}
