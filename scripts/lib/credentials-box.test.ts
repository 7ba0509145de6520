import { describe, expect, it } from 'vitest';
import { credentialsBox } from './credentials-box';

describe('the demo credentials box', () => {
  const box = credentialsBox('http://localhost:3000', [
    { role: 'owner', email: 'owner@marginwatch.demo', password: 'demo-AAAAAAAAAAAA', totpSecret: 'JBSWY3DPEHPK3PXP' },
    { role: 'ops', email: 'ops@marginwatch.demo', password: 'demo-BBBBBBBBBBBB' },
  ]);
  const lines = box.split('\n');

  it('names the address, both users, their passwords and the owner’s authenticator secret', () => {
    for (const part of ['http://localhost:3000', 'owner@marginwatch.demo', 'demo-AAAAAAAAAAAA', 'JBSWY3DPEHPK3PXP', 'ops@marginwatch.demo', 'demo-BBBBBBBBBBBB']) expect(box).toContain(part);
  });
  it('is a closed box: every line as wide as the frame', () => {
    expect(lines[0]).toMatch(/^┌─+┐$/);
    expect(lines.at(-1)).toMatch(/^└─+┘$/);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    for (const l of lines.slice(1, -1)) expect(l).toMatch(/^│ .* │$/);
  });
});
