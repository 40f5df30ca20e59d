// The Node flags the server runs with: `npm start` passes them (package.json), and the benchmarks and process tests start Seen with them too.

/**
 * Why a heap limit: with Node's default (a quarter of the machine's memory) V8 let the heap grow to 470–530 MB at 200
 * write-ups at once for a live set of about 70 MB; with 1 GB it stayed near 300–330 MB at no cost in CPU per turn
 * (bench/README.md). 1 GB is still about 15 times the live set at that load.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-old-space-size=1024'];
