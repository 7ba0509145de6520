'use client';

import { fieldLabel, input } from '@/components/ui/controls';

export interface CreateKeyForm {
  apiName: string;
  market: string;
  symbol: string;
  signature: string;
  publicKey: string;
  permissionMode: string;
  ip: string;
}

export const EMPTY_FORM: CreateKeyForm = { apiName: '', market: 'cross', symbol: '', signature: 'HMAC', publicKey: '', permissionMode: 'TRADE', ip: '' };

/** The create-key form's inputs: name, market (cross or one isolated pair), signature, permission mode, IPs. */
export function CreateKeyFields({ form, set }: { form: CreateKeyForm; set: (patch: Partial<CreateKeyForm>) => void }) {
  return (
    <>
      <label className={fieldLabel}>
        Key name
        <input className={`${input} w-full`} required maxLength={40} value={form.apiName} onChange={(e) => set({ apiName: e.target.value })} />
      </label>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <label className={fieldLabel}>
          Trades
          <select className={`${input} w-full`} value={form.market} onChange={(e) => set({ market: e.target.value })}>
            <option value="cross">Cross margin</option>
            <option value="isolated">One isolated pair</option>
          </select>
        </label>
        {form.market === 'isolated' && (
          <label className={fieldLabel}>
            Pair (symbol)
            <input className={`${input} w-full`} placeholder="BTCUSDT" value={form.symbol} onChange={(e) => set({ symbol: e.target.value.toUpperCase() })} />
          </label>
        )}
        <label className={fieldLabel}>
          Signature
          <select className={`${input} w-full`} value={form.signature} onChange={(e) => set({ signature: e.target.value })}>
            <option value="HMAC">HMAC (secret shown once)</option>
            <option value="Ed25519">Ed25519 (your public key)</option>
            <option value="RSA">RSA (your public key)</option>
          </select>
        </label>
        <label className={fieldLabel}>
          Permission mode
          <select className={`${input} w-full`} value={form.permissionMode} onChange={(e) => set({ permissionMode: e.target.value })}>
            <option value="TRADE">TRADE</option>
            <option value="READ">READ (Ed25519 only)</option>
          </select>
        </label>
      </div>
      {form.signature !== 'HMAC' && (
        <label className={fieldLabel}>
          Public key (PEM)
          <textarea className={`${input} w-full font-mono text-xs`} rows={4} placeholder="-----BEGIN PUBLIC KEY-----" value={form.publicKey} onChange={(e) => set({ publicKey: e.target.value })} />
        </label>
      )}
      <label className={fieldLabel}>
        IP whitelist (up to 30 IPv4/IPv6 addresses or CIDR ranges, separated by commas or new lines)
        <textarea className={`${input} w-full font-mono text-xs`} rows={2} value={form.ip} onChange={(e) => set({ ip: e.target.value })} />
      </label>
    </>
  );
}
