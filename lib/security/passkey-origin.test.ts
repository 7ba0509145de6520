import { describe, expect, it } from 'vitest';
import { relyingPartyFor } from './passkey-origin';

describe('relyingPartyFor', () => {
  it.each([
    [{ HOST: '127.0.0.1', PORT: 3000 }, { origin: 'http://localhost:3000', rpID: 'localhost' }],
    [{ HOST: '0.0.0.0', PORT: 8080 }, { origin: 'http://localhost:8080', rpID: 'localhost' }],
    [{ HOST: '::1', PORT: 3000 }, { origin: 'http://localhost:3000', rpID: 'localhost' }],
    [{ HOST: '0.0.0.0', PORT: 3000, MARGINWATCH_PUBLIC_URL: 'https://marginwatch.desk.example/' }, { origin: 'https://marginwatch.desk.example', rpID: 'marginwatch.desk.example' }],
    [{ HOST: '127.0.0.1', PORT: 3000, MARGINWATCH_PUBLIC_URL: 'https://mw.example:8443' }, { origin: 'https://mw.example:8443', rpID: 'mw.example' }],
  ])('%o → %o', (env, expected) => expect(relyingPartyFor(env)).toEqual(expected));

  it('a bare non-loopback IP address cannot hold passkeys', () => {
    expect(relyingPartyFor({ HOST: '10.0.0.4', PORT: 3000 })).toBeNull();
    expect(relyingPartyFor({ HOST: '0.0.0.0', PORT: 3000, MARGINWATCH_PUBLIC_URL: 'https://192.0.2.10' })).toBeNull();
  });
});
