/**
 * The least a Node.js reverse proxy can do: node:http in, node:http out over a keep-alive agent, headers
 * copied, bodies piped both ways, nothing parsed. The gateway bench runs it as the `node-proxy-floor`
 * target: what one extra loopback hop through any Node process costs on this host, so the absolute
 * "added p50" figures of SealGate and Portkey can be read against the host's floor.
 *
 *   node --import tsx bench/lib/floor-proxy.ts --port=PORT --upstream=http://127.0.0.1:UP
 */
import { Agent, createServer, request } from 'node:http';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const port = Number(arg('port'));
const upstream = new URL(arg('upstream') ?? '');
const agent = new Agent({ keepAlive: true });

const server = createServer((req, res) => {
  const out = request(
    { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host }, agent },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    },
  );
  out.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(out);
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
