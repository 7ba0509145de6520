import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's Chromium: the browser suite never downloads one of its own (README, Tests). */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export interface ChromiumHost {
  /** the browser the suite will launch (`CHROMIUM_PATH`, else Debian's) */
  path: string;
  exists: boolean;
  root: boolean;
  /** `sudo` runs without asking for a password */
  sudo: boolean;
  apt: boolean;
}

export type ChromiumPlan = { kind: 'present' } | { kind: 'install'; commands: string[][] } | { kind: 'stop'; message: string };

const INSTALL = 'apt-get install -y chromium';

function stopMessage(host: ChromiumHost): string {
  if (host.path !== DEBIAN_CHROMIUM) return `No browser at CHROMIUM_PATH=${host.path}: point CHROMIUM_PATH at a Chromium binary, or unset it to use Debian's ${DEBIAN_CHROMIUM}.`;
  const how = host.apt ? `sudo ${INSTALL}` : 'install Chromium with your system\'s package manager and set CHROMIUM_PATH to its binary';
  return `The browser tests need Chromium at ${DEBIAN_CHROMIUM}, which is missing. Run:\n  ${how}\nthen npm test again (or set CHROMIUM_PATH to another Chromium binary).`;
}

/**
 * What `npm test` does about the browser: nothing when it is there; Debian's package when this user may
 * install it (root, or password-less sudo) and apt exists; otherwise stop before any test with the one
 * command to run, so a newcomer learns it in a second rather than after the unit suite.
 */
export function chromiumPlan(host: ChromiumHost): ChromiumPlan {
  if (host.exists) return { kind: 'present' };
  if (host.path !== DEBIAN_CHROMIUM || !host.apt || !(host.root || host.sudo)) return { kind: 'stop', message: stopMessage(host) };
  const prefix = host.root ? [] : ['sudo', '-n'];
  return {
    kind: 'install',
    commands: [
      [...prefix, 'apt-get', 'update', '-qq'],
      [...prefix, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-qq', 'chromium'],
    ],
  };
}

function succeeds(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

export function inspectHost(env: NodeJS.ProcessEnv = process.env): ChromiumHost {
  const path = env.CHROMIUM_PATH || DEBIAN_CHROMIUM;
  const root = process.getuid?.() === 0;
  return {
    path,
    exists: existsSync(path),
    root,
    sudo: !root && succeeds('sudo', ['-n', 'true']),
    apt: succeeds('apt-get', ['--version']),
  };
}

/** Makes sure the browser exists, installing Debian's package when allowed; returns a message when it cannot. */
export function ensureChromium(env: NodeJS.ProcessEnv = process.env): { ok: true } | { ok: false; message: string } {
  const host = inspectHost(env);
  const plan = chromiumPlan(host);
  if (plan.kind === 'present') return { ok: true };
  if (plan.kind === 'stop') return { ok: false, message: plan.message };
  console.log(`Chromium is missing at ${host.path}: installing Debian's chromium package…`);
  for (const [cmd, ...args] of plan.commands) {
    const result = spawnSync(cmd!, args, { stdio: 'inherit' });
    if (result.status !== 0) return { ok: false, message: `${[cmd, ...args].join(' ')} failed (exit ${result.status ?? result.signal}). ${stopMessage(host)}` };
  }
  if (!existsSync(host.path)) return { ok: false, message: `Installed chromium, but ${host.path} is still missing. ${stopMessage(host)}` };
  console.log(`Chromium installed at ${host.path}.`);
  return { ok: true };
}
