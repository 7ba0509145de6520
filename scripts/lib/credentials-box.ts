import type { DemoCredential } from '@/lib/server/demo-users';

/**
 * The demo's sign-in details in a box, for the last lines `npm start` prints: the build output and the start-up
 * lines before them would scroll plain lines away.
 */
export function credentialsBox(url: string, creds: DemoCredential[]): string {
  const lines = [
    `marginwatch demo is ready: ${url}`,
    '',
    'Sign in with',
    ...creds.flatMap((c) => [
      `  ${c.role.padEnd(5)}  ${c.email}`,
      `         password  ${c.password}`,
      ...(c.totpSecret ? [`         authenticator secret  ${c.totpSecret}`] : []),
    ]),
    '',
    'The login page shows them too. Stop with Ctrl+C.',
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const rule = '─'.repeat(width + 2);
  return [`┌${rule}┐`, ...lines.map((l) => `│ ${l.padEnd(width)} │`), `└${rule}┘`].join('\n');
}

/**
 * Resolves once the server answers ready (its first refresh has landed, so the start-up lines are out), or after
 * `timeoutMs`, or when `gone` says the server ended: the box is printed in every case but the last.
 */
export async function waitUntilReady(readyUrl: string, gone: () => boolean, timeoutMs = 180_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until && !gone()) {
    const ok = await fetch(readyUrl, { signal: AbortSignal.timeout(5_000) }).then((r) => r.ok, () => false);
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return !gone();
}
