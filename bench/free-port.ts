// A free loopback port, shared by the benchmarks and the tests that start servers (tests import bench/, never the reverse).
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1: listen on 0, note the port, close. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}
