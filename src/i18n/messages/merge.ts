/**
 * Two catalogue parts as one: groups present in both are joined key by key, the first part's keys
 * first. Used to join the English messages of the start and of the panels (en.ts, translate.ts).
 */
export function mergeMessages<A extends object, B extends object>(a: A, b: B): A & B {
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    out[key] =
      typeof mine === 'object' && mine !== null && typeof value === 'object' && value !== null
        ? mergeMessages(mine, value as object)
        : value;
  }
  return out as A & B;
}
