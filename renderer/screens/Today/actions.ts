// What the CSM can do to a Today item, by kind: the row menu lists these, the keys run them. One
// table so the menu, the keys and the hints never disagree.
import type { ForecastCategory } from '../../../shared/domain';
import { FORECAST_CATEGORIES } from '../../../shared/domain';
import type { TodayItem } from '../../../shared/contracts/today';
import { FORECAST_WORDS } from '../../../shared/money/words';

export type TodayAction =
  | { kind: 'done' }
  | { kind: 'snooze' }
  | { kind: 'open' }
  | { kind: 'resolve_flag' }
  | { kind: 'forecast'; category: ForecastCategory }
  | { kind: 'create_opportunity' }
  | { kind: 'dismiss' };

export interface ActionEntry {
  action: TodayAction;
  label: string;
  /** The key that runs it from the list (shown in the menu). */
  key?: string;
}

export function actionsFor(item: TodayItem): ActionEntry[] {
  const entries: ActionEntry[] = [];
  if (item.kind === 'reminder') {
    entries.push({ action: { kind: 'done' }, label: 'Mark done', key: 'd' });
    entries.push({ action: { kind: 'snooze' }, label: 'Snooze…', key: 's' });
    if (item.reminder.flagId !== null) entries.push({ action: { kind: 'resolve_flag' }, label: 'Resolve the flag', key: 'r' });
  }
  const renewal = item.kind === 'forecast' || item.kind === 'reminder' ? item.renewal : null;
  if (renewal) {
    for (const category of FORECAST_CATEGORIES) {
      entries.push({ action: { kind: 'forecast', category }, label: `Forecast: ${FORECAST_WORDS[category]}` });
    }
  }
  if (item.kind === 'signal') {
    entries.push({ action: { kind: 'create_opportunity' }, label: 'Create opportunity', key: 'c' });
    entries.push({ action: { kind: 'dismiss' }, label: 'Dismiss the suggestion', key: 'Del' });
  }
  if (item.accountId !== null) entries.push({ action: { kind: 'open' }, label: 'Open the account', key: '↵' });
  return entries;
}
