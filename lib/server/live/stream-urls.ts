import 'server-only';

export type StreamBases = { market: string; risk: string; trade: string; pmPro: string };

/**
 * Where the streams of an exchange live (docs/live.md): Binance serves market and trade data streams on
 * stream.binance.com:9443, the margin risk data stream on margin-stream.binance.com and Portfolio Margin Pro's
 * user data stream on fstream.binance.com/pm-classic. Any other base URL (the simulator) serves all of them on
 * its own host, PM Pro's under the same `/pm-classic` prefix.
 */
export function streamBases(restBase: string): StreamBases {
  const url = new URL(restBase);
  if (url.hostname === 'api.binance.com') {
    return {
      market: 'wss://stream.binance.com:9443',
      risk: 'wss://margin-stream.binance.com',
      trade: 'wss://stream.binance.com:9443',
      pmPro: 'wss://fstream.binance.com/pm-classic',
    };
  }
  const ws = `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
  return { market: ws, risk: ws, trade: ws, pmPro: `${ws}/pm-classic` };
}
