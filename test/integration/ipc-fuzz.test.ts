// The router as an attack surface (issue 7): random payloads to every channel come back as typed
// result values, and a rejected call changes nothing in the database.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTrustedFrame } from '../../electron/sender';
import { CHANNELS } from '../../shared/contract';
import { ERROR_CODES } from '../../shared/errors';
import { setup } from '../helpers';

const TABLES = ['accounts', 'contacts', 'touches', 'flags', 'reminders', 'settings', 'success_goals', 'import_batches'];

describe('the router under random input', () => {
  it('answers every channel with a typed result for arbitrary payloads and writes nothing when it refuses', async () => {
    const { router, opened } = await setup();
    await router.call('demo.load', {});
    const counts = () =>
      Object.fromEntries(
        TABLES.map((t) => [t, opened.sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get()]),
      );
    // Channels that write on a valid payload are excluded from the "nothing changed" check only
    // when the call succeeded.
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNELS), fc.anything({ withNullPrototype: true, withBigInt: true }), async (channel, payload) => {
        const before = counts();
        const result = await router.invoke(channel, payload);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          expect(ERROR_CODES).toContain(result.error.code);
          expect(result.error.message.length).toBeGreaterThan(0);
          expect(counts()).toEqual(before);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('refuses unknown channel names of any shape', async () => {
    const { router } = await setup();
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.anything(), async (name, payload) => {
        fc.pre(!(CHANNELS as string[]).includes(name));
        const result = await router.invoke(name, payload);
        expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
      }),
      { numRuns: 200 },
    );
  });

  it('answers only our own top-level page', () => {
    expect(isTrustedFrame({ url: 'app://tend/index.html#/portfolio', parent: null })).toBe(true);
    expect(isTrustedFrame({ url: 'app://tend/index.html', parent: {} })).toBe(false);
    expect(isTrustedFrame({ url: 'https://evil.example/app://tend/', parent: null })).toBe(false);
    expect(isTrustedFrame({ url: 'app://tendx/index.html', parent: null })).toBe(false);
    expect(isTrustedFrame({ url: 'file:///etc/passwd', parent: null })).toBe(false);
    expect(isTrustedFrame(null)).toBe(false);
  });
});
