import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './app-env.ts';
import { errorForStatus } from './error-handler.ts';

/** The default for a JSON body. */
export const JSON_BODY_LIMIT = 1024 * 1024;
/** The most any route may declare (file uploads): the app-wide ceiling in front of routing. */
export const MAX_BODY_LIMIT = 10 * 1024 * 1024;

/** 413 `payload_too_large` past `maxSize` bytes. */
export const limitBody = (maxSize: number): MiddlewareHandler<AppEnv> =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw errorForStatus(413);
    },
  });
