import { describe, expect, it } from 'vitest';
import { chromiumPlan, DEBIAN_CHROMIUM, type ChromiumHost } from './chromium';

const host = (patch: Partial<ChromiumHost>): ChromiumHost => ({ path: DEBIAN_CHROMIUM, exists: false, root: false, sudo: false, apt: true, ...patch });

describe('chromiumPlan', () => {
  it('does nothing when the browser is there', () => {
    expect(chromiumPlan(host({ exists: true }))).toEqual({ kind: 'present' });
  });

  it('installs Debian\'s package as root, and through password-less sudo otherwise', () => {
    const asRoot = chromiumPlan(host({ root: true }));
    expect(asRoot).toMatchObject({ kind: 'install' });
    expect(asRoot.kind === 'install' && asRoot.commands.at(-1)).toEqual(['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-qq', 'chromium']);
    const withSudo = chromiumPlan(host({ sudo: true }));
    expect(withSudo.kind === 'install' && withSudo.commands.every((c) => c[0] === 'sudo' && c[1] === '-n')).toBe(true);
  });

  it('stops with the one command to run when it may not install', () => {
    const plan = chromiumPlan(host({}));
    expect(plan.kind).toBe('stop');
    expect(plan.kind === 'stop' && plan.message).toContain('sudo apt-get install -y chromium');
  });

  it('names CHROMIUM_PATH when there is no apt', () => {
    const plan = chromiumPlan(host({ apt: false, root: true }));
    expect(plan.kind === 'stop' && plan.message).toContain('CHROMIUM_PATH');
  });

  it('never installs for a CHROMIUM_PATH of another browser that is missing', () => {
    const plan = chromiumPlan(host({ path: '/opt/chrome/chrome', root: true }));
    expect(plan.kind).toBe('stop');
    expect(plan.kind === 'stop' && plan.message).toContain('CHROMIUM_PATH=/opt/chrome/chrome');
  });
});
