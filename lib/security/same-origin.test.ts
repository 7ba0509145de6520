import { describe, expect, it } from 'vitest';
import { refuseForeignRequest, refuseNonJson } from './same-origin';

const req = (method: string, headers: Record<string, string>, url = 'http://127.0.0.1:3000/api/terms') => ({ method, url, headers: new Headers(headers) });

describe('refuseForeignRequest', () => {
  it.each([
    ['GET without Origin (a link or reload)', 'GET', {}, null],
    ['POST from our page', 'POST', { origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' }, null],
    ['POST from our page, older browser without Sec-Fetch-Site', 'POST', { origin: 'http://127.0.0.1:3000' }, null],
    ['POST behind a proxy that forwards the public host', 'POST', { origin: 'https://desk.example', 'x-forwarded-host': 'desk.example', host: '10.0.0.5:3000' }, null],
    ['POST without Origin', 'POST', {}, 403],
    ['DELETE with Origin: null (sandboxed frame, file://)', 'DELETE', { origin: 'null' }, 403],
    ['PUT from another port of this host', 'PUT', { origin: 'http://127.0.0.1:4000', 'sec-fetch-site': 'same-site' }, 403],
    ['PATCH from another site', 'PATCH', { origin: 'https://attacker.example' }, 403],
    ['POST whose Origin matches but the browser says cross-site', 'POST', { origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'cross-site' }, 403],
    ['POST with a malformed Origin', 'POST', { origin: 'not a url' }, 403],
  ] as const)('%s', (_what, method, headers, status) => {
    expect(refuseForeignRequest(req(method, { host: '127.0.0.1:3000', ...headers }))?.status ?? null).toBe(status);
  });
});

describe('refuseNonJson', () => {
  it.each([
    ['application/json', null],
    ['application/json; charset=utf-8', null],
    ['text/plain', 415],
    ['application/x-www-form-urlencoded', 415],
    ['multipart/form-data; boundary=x', 415],
  ] as const)('%s', (type, status) => {
    expect(refuseNonJson(req('POST', { 'content-type': type }))?.status ?? null).toBe(status);
  });

  it('asks nothing of reads', () => {
    expect(refuseNonJson(req('GET', {}))).toBeNull();
  });
});
