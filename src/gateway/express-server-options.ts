/**
 * node:http server options whose request and response objects are born with express's prototypes.
 *
 * express's `app.handle` re-parents every request and response with `Object.setPrototypeOf` (to the app's
 * `request` / `response` objects). Changing an object's prototype after construction gives it a new hidden
 * class, so the code in node's http internals and ours that then touches these objects meets shapes it has
 * not seen (megamorphic inline caches, deoptimisation). Constructing them with that prototype in the
 * first place makes express's `setPrototypeOf` a no-op (V8 returns early when the prototype is unchanged).
 */
import { IncomingMessage, ServerResponse, type ServerOptions } from 'node:http';
import type { Express } from 'express';

type Ctor<T> = new (...args: never[]) => T;

export function expressServerOptions(app: Express): ServerOptions {
  // express 5 exposes its per-app prototypes as `app.request` / `app.response` (both inherit node's classes).
  const requestProto = app.request as unknown as IncomingMessage;
  const responseProto = app.response as unknown as ServerResponse;
  function ExpressIncomingMessage(this: IncomingMessage, ...args: ConstructorParameters<typeof IncomingMessage>): void {
    // node's IncomingMessage / ServerResponse are ES5 constructor functions: callable on an existing object.
    (IncomingMessage as unknown as (this: IncomingMessage, ...a: typeof args) => void).apply(this, args);
  }
  ExpressIncomingMessage.prototype = requestProto;
  function ExpressServerResponse(this: ServerResponse, ...args: ConstructorParameters<typeof ServerResponse>): void {
    (ServerResponse as unknown as (this: ServerResponse, ...a: typeof args) => void).apply(this, args);
  }
  ExpressServerResponse.prototype = responseProto;
  return {
    IncomingMessage: ExpressIncomingMessage as unknown as Ctor<IncomingMessage> as typeof IncomingMessage,
    ServerResponse: ExpressServerResponse as unknown as Ctor<ServerResponse> as typeof ServerResponse,
  };
}
