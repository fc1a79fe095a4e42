import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeTransport } from '../../src/client/transport.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/confidential/chat/completions`;
}

const post = (url: string) => ({ url, headers: new Headers({ 'content-type': 'application/x-test' }), body: new Uint8Array([1, 2, 3]) });

describe('the node transport of the confidential client', () => {
  it('sends the body as given and reads the answer in chunks', async () => {
    let received = Buffer.alloc(0);
    const url = await serve((req, res) => {
      req.on('data', (c: Buffer) => (received = Buffer.concat([received, c])));
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/x-sealed', 'x-extra': 'yes' });
        res.write('ab');
        setTimeout(() => res.end('cd'), 20);
      });
    });
    const reply = await (await nodeTransport())(post(url));
    expect([...received]).toEqual([1, 2, 3]);
    expect(reply.status).toBe(200);
    expect(reply.header('X-Extra')).toBe('yes');
    expect(Buffer.from((await reply.read())!).toString()).toBe('ab');
    expect(Buffer.from(await reply.bytes()).toString()).toBe('cd');
    expect(await reply.read()).toBeUndefined();
  });

  it('fails a read when the connection is cut before the answer ends (no hang)', async () => {
    const url = await serve((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-length': '100' });
      res.write('partial', () => setTimeout(() => res.socket?.destroy(), 20));
    });
    const reply = await (await nodeTransport())(post(url));
    expect(Buffer.from((await reply.read())!).toString()).toBe('partial');
    await expect(reply.read()).rejects.toThrow();
  });

  it('refuses a redirect', async () => {
    const url = await serve((req, res) => {
      req.resume();
      res.writeHead(308, { location: 'http://127.0.0.1:9/elsewhere' }).end();
    });
    await expect((await nodeTransport())(post(url))).rejects.toThrow(/redirected/);
  });
});
