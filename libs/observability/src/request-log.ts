import { withoutSearchTerms } from '@ppo/audit';

/** A request as pino-http hands it to a serializer (pino-std-serializers' view of it). */
interface LoggedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  remoteAddress?: string;
}

/**
 * What the request log keeps of each request and response. Not their headers:
 * they carry the caller's credentials (Authorization: Bearer, the session
 * cookie), which a log must never hold, and they were most of each line's
 * bytes (the security headers repeated on every response). The correlation id
 * is on the line already (`correlationId`). Free-text search terms are
 * replaced as in the access log: a name searched for must not outlive its erasure in a log file.
 */
export const requestLogSerializers = {
  req: (request: LoggedRequest) => ({ method: request.method, url: request.url === undefined ? undefined : withoutSearchTerms(request.url), remoteAddress: request.remoteAddress }),
  res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
};
