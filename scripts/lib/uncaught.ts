import { logger } from '@/lib/server/log/logger';
import { errorText } from '@/lib/server/log/redact';

/**
 * Imported first by each command-line script: an error nobody caught is written through the scrubbed log
 * (docs/production.md, Logs), never as Node's raw stack, which may quote a connection URL or a query's
 * parameters, and the script exits 1.
 */
const log = logger('script', { script: process.argv[1]?.split('/').at(-1) });
const fail = (error: unknown) => {
  log.fatal({ err: error }, errorText(error));
  process.exit(1);
};
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
