/**
 * Probe connections for servers with short keep-alive timeouts. Portkey's gateway (@hono/node-server
 * on Node's defaults) closes a connection idle for 6.0 s (keepAliveTimeout 5 s + Node's 1 s buffer)
 * while advertising the upstream's `keep-alive: timeout=60` it copies through, so a client reusing a
 * socket at ~6 s races the close and gets `socket hang up` / ECONNRESET. The gateway bench's probe
 * agents idle ≈5-8 s between rounds (the other targets' probe and load), right on that edge.
 */
import type { Agent } from 'node:http';

/** Destroys the agent's idle sockets and resolves once the agent has dropped them (its 'close' listener runs first). */
export async function closeIdleSockets(agent: Agent): Promise<void> {
  const idle = Object.values(agent.freeSockets).flatMap((sockets) => sockets ?? []);
  await Promise.all(
    idle.map(
      (socket) =>
        new Promise<void>((resolve) => {
          if (socket.closed) return resolve();
          socket.once('close', () => resolve());
          socket.destroy();
        }),
    ),
  );
}
