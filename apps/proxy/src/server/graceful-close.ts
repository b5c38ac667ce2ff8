import type { Server } from "node:http";
import type { Socket } from "node:net";

export interface GracefulClose {
  /**
   * Stop accepting, close every connection that has no response in flight (again as responses
   * finish), and cut whatever is still open when the timeout ends. Resolves once all are closed;
   * `onTimeout` runs if the timeout had to cut some.
   */
  close(timeoutMs: number, onTimeout?: () => void): Promise<void>;
}

/**
 * Tracks the server's sockets for a graceful close. Node's `closeIdleConnections` leaves alone a
 * keep-alive socket that never carried a request (clients open spares), which would hold shutdown
 * until the client's own keep-alive timeout; here any socket without a response in flight is closed.
 */
export function trackConnections(server: Server): GracefulClose {
  const sockets = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });

  // `_httpMessage` is the response Node's HTTP server is writing on the socket, if any.
  const busy = (socket: Socket) => (socket as Socket & { _httpMessage?: unknown })._httpMessage != null;
  const closeIdle = () => {
    for (const socket of sockets) if (!busy(socket)) socket.destroy();
  };

  return {
    close(timeoutMs, onTimeout) {
      return new Promise((resolve) => {
        const sweep = setInterval(closeIdle, 50);
        const deadline = setTimeout(() => {
          onTimeout?.();
          for (const socket of sockets) socket.destroy();
        }, timeoutMs);
        server.close(() => {
          clearInterval(sweep);
          clearTimeout(deadline);
          resolve();
        });
        closeIdle();
      });
    },
  };
}
