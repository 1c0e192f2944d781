import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { DEFAULT_SETTINGS, mergeSettings, settingsSchema } from '../../../shared/settings';

describe('settings', () => {
  it('holds every default SPEC names', () => {
    const s = DEFAULT_SETTINGS;
    // SPEC "Health score" table.
    expect(s.weights).toEqual({ adoption: 25, relationships: 20, engagement: 15, sentiment: 10, survey: 15, support: 5, financial: 10 });
    expect(s.bands).toEqual({ healthy: 75, watch: 50 });
    // seed 002, law 5 (cadence) and seed 001 (two executives for enterprise, one for SMB).
    expect(s.cadenceDays).toEqual({ enterprise: 14, mid_market: 30, smb: 45 });
    expect(s.requiredExecs).toEqual({ enterprise: 2, mid_market: 1, smb: 1 });
    expect(s.relationships).toEqual({ strongStrength: 3, strongUsersTarget: 2, execPoints: 60, userPoints: 40 });
    expect(s.engagement.zeroAtCadences).toBe(3);
    expect(s.sentiment.lastTouches).toBe(3);
    expect(s.support.pointsPerTicket).toBe(20);
    // SPEC "Flags" table.
    expect(s.flags.renewal_exec_silence).toEqual({ severity: 'high', renewalWindowDays: 90, execSilenceDays: 15 });
    expect(s.flags.single_threaded).toEqual({ severity: 'medium', enterpriseSeverity: 'high' });
    expect(s.flags.champion_gap).toEqual({ severity: 'low', minAdoption: 70 });
    expect(s.flags.adoption_drop_user_silence).toEqual({
      severity: 'emergency',
      dropRatio: 0.8,
      windowMinDays: 25,
      windowMaxDays: 35,
      userSilenceDays: 30,
    });
    expect(s.flags.detractor).toEqual({ severity: 'medium', maxScore: 6, withinDays: 90 });
    expect(s.flags.overdue_invoice.severity).toBe('medium');
    expect(s.flags.cadence_overdue.severity).toBe('low');
    expect(s.flags.sponsor_lost).toEqual({ severity: 'high', withinDays: 90 });
    expect(s.flags.stalled_onboarding).toEqual({ severity: 'high', afterDays: 90 });
    expect(s.csmName).toBe('');
  });

  it('validates its own defaults unchanged', () => {
    expect(settingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it('survives a JSON round trip, as the settings service stores it', () => {
    expect(mergeSettings(JSON.parse(JSON.stringify(DEFAULT_SETTINGS)))).toEqual(DEFAULT_SETTINGS);
  });

  it('returns the defaults when nothing is stored', () => {
    expect(mergeSettings()).toEqual(DEFAULT_SETTINGS);
    expect(mergeSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(mergeSettings({})).toEqual(DEFAULT_SETTINGS);
  });

  it('merges a nested change and keeps its siblings', () => {
    const s = mergeSettings({ weights: { adoption: 30 }, flags: { detractor: { withinDays: 60 } }, csmName: 'Ada' });
    expect(s.weights.adoption).toBe(30);
    expect(s.weights.relationships).toBe(20);
    expect(s.flags.detractor).toEqual({ severity: 'medium', maxScore: 6, withinDays: 60 });
    expect(s.flags.sponsor_lost.withinDays).toBe(90);
    expect(s.csmName).toBe('Ada');
    // The defaults are not touched by a merge.
    expect(DEFAULT_SETTINGS.weights.adoption).toBe(25);
  });

  it('rejects values that make no sense', () => {
    expect(() => mergeSettings({ weights: { adoption: -1 } })).toThrow(ZodError);
    expect(() => mergeSettings({ cadenceDays: { smb: 0 } })).toThrow(ZodError);
    expect(() => mergeSettings({ bands: { watch: 80 } })).toThrow(ZodError); // above healthy (75)
    expect(() => mergeSettings({ flags: { adoption_drop_user_silence: { windowMinDays: 40 } } })).toThrow(ZodError);
    expect(() => mergeSettings({ flags: { detractor: { severity: 'urgent' as never } } })).toThrow(ZodError);
    expect(() => mergeSettings({ relationships: { strongStrength: 5 } })).toThrow(ZodError);
  });

  it('drops unknown keys and never copies __proto__ from stored JSON', () => {
    const stored = JSON.parse('{"legacyKnob": 1, "weights": {"__proto__": {"polluted": true}, "support": 7}}');
    const s = mergeSettings(stored);
    expect(s).not.toHaveProperty('legacyKnob');
    expect(s.weights.support).toBe(7);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((s.weights as Record<string, unknown>).polluted).toBeUndefined();
  });
});
