'use client';

import { inputClass, labelClass } from './styles';
import { SIGNER_TYPES, type SignerType } from './types';
import type { KeyFields } from './use-connections';

const SIGNER_LABEL: Record<SignerType, string> = { HMAC: 'HMAC secret', ED25519: 'Ed25519 private key', RSA: 'RSA private key' };

export const emptyKeyFields: KeyFields = { apiKey: '', signerType: 'HMAC', secret: '' };

/** API key + signer + secret: the part every key form shares. The secret field never gets autocomplete. */
export function KeyFieldset({ value, onChange, idPrefix }: { value: KeyFields; onChange: (v: KeyFields) => void; idPrefix: string }) {
  const set = (patch: Partial<KeyFields>) => onChange({ ...value, ...patch });
  return (
    <>
      <label className={labelClass} htmlFor={`${idPrefix}-api-key`}>
        API key
        <input id={`${idPrefix}-api-key`} className={`${inputClass} font-mono`} value={value.apiKey} autoComplete="off" spellCheck={false} required onChange={(e) => set({ apiKey: e.target.value })} />
      </label>
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-400">Signer</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {SIGNER_TYPES.map((t) => (
            <label key={t} className="flex items-center gap-1.5">
              <input type="radio" name={`${idPrefix}-signer`} checked={value.signerType === t} onChange={() => set({ signerType: t, secret: '' })} />
              {SIGNER_LABEL[t]}
            </label>
          ))}
        </div>
      </fieldset>
      <SecretField idPrefix={idPrefix} signerType={value.signerType} value={value.secret} onChange={(secret) => set({ secret })} />
    </>
  );
}

export function SecretField({ idPrefix, signerType, value, onChange }: { idPrefix: string; signerType: SignerType; value: string; onChange: (v: string) => void }) {
  const id = `${idPrefix}-secret`;
  return (
    <label className={labelClass} htmlFor={id}>
      {SIGNER_LABEL[signerType]}
      {signerType === 'HMAC' ? (
        <input id={id} type="password" className={`${inputClass} font-mono`} value={value} autoComplete="new-password" required onChange={(e) => onChange(e.target.value)} />
      ) : (
        <textarea
          id={id}
          className={`${inputClass} h-28 resize-y font-mono text-xs`}
          value={value}
          autoComplete="off"
          spellCheck={false}
          required
          placeholder={'-----BEGIN PRIVATE KEY-----\n…\n-----END PRIVATE KEY-----'}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <span className="font-normal text-slate-500">Sealed at rest; never shown again, never logged.</span>
    </label>
  );
}
