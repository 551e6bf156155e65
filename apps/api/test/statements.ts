import { Client } from 'pg';

/** Reads with lifetimes of their own (the security policy, the org tree, a session's activity), which may fall on any request. */
const TIMED_READS = /FROM security_policy|SET last_seen_at|FROM org_unit u\b/;

/** The text of every statement sent to PostgreSQL while `fn` runs, the reads with lifetimes of their own left out. */
export async function statementsDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const original = Client.prototype.query;
  const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
    const q = args[0] as string | { text: string };
    sent.push(typeof q === 'string' ? q : q.text);
    return Reflect.apply(original, this, args) as never;
  });
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  return sent.filter((q) => !TIMED_READS.test(q));
}
