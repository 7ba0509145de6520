'use client';

import { fieldLabel, input } from '@/components/ui/controls';
import { SIGNER_TYPES, type SignerType } from '@/lib/contracts/connections';
import type { KeyFields } from './use-connections';

const SIGNER_NAME: Record<SignerType, string> = { HMAC: 'HMAC', ED25519: 'Ed25519', RSA: 'RSA' };
const SECRET_LABEL: Record<SignerType, string> = { HMAC: 'HMAC secret', ED25519: 'Ed25519 private key (PEM)', RSA: 'RSA private key (PEM)' };

export const emptyKeyFields: KeyFields = { apiKey: '', signerType: 'HMAC', secret: '' };

/** API key + signer + secret: the part every key form shares. The secret field never gets autocomplete. */
export function KeyFieldset({ value, onChange, idPrefix }: { value: KeyFields; onChange: (v: KeyFields) => void; idPrefix: string }) {
  const set = (patch: Partial<KeyFields>) => onChange({ ...value, ...patch });
  return (
    <>
      <label className={fieldLabel} htmlFor={`${idPrefix}-api-key`}>
        API key
        <input id={`${idPrefix}-api-key`} className={`${input} w-full font-mono`} value={value.apiKey} autoComplete="off" spellCheck={false} required onChange={(e) => set({ apiKey: e.target.value })} />
      </label>
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-400">Signer</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {SIGNER_TYPES.map((t) => (
            <label key={t} className="flex items-center gap-1.5">
              <input type="radio" name={`${idPrefix}-signer`} checked={value.signerType === t} onChange={() => set({ signerType: t, secret: '' })} />
              {SIGNER_NAME[t]}
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
    <div className={fieldLabel}>
      <label htmlFor={id}>{SECRET_LABEL[signerType]}</label>
      {signerType === 'HMAC' ? (
        <input id={id} type="password" aria-describedby={`${id}-hint`} className={`${input} w-full font-mono`} value={value} autoComplete="new-password" required onChange={(e) => onChange(e.target.value)} />
      ) : (
        <textarea
          id={id}
          aria-describedby={`${id}-hint`}
          className={`${input} w-full h-28 resize-y font-mono text-xs`}
          value={value}
          autoComplete="off"
          spellCheck={false}
          required
          placeholder={'-----BEGIN PRIVATE KEY-----\n…\n-----END PRIVATE KEY-----'}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <span id={`${id}-hint`} className="font-normal text-slate-500">Sealed at rest; never shown again, never logged.</span>
    </div>
  );
}
