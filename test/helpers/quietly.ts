// CloudAdapter writes refused requests to console.error; tests that provoke refusals keep their output quiet with this.

/** Runs `fn` with console.error silenced (what the client gets is asserted by the caller). */
export async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const original = console.error;
  console.error = () => undefined;
  try {
    return await fn();
  } finally {
    console.error = original;
  }
}
