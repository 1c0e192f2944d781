// Chart colours come from styles.css's design tokens (CSS variables), read once per colour scheme,
// so recharts' SVG attributes get concrete colours and follow light/dark like the rest of the app.
import { useEffect, useState } from 'react';

export interface ChartColors {
  text: string;
  muted: string;
  border: string;
  surface: string;
  accent: string;
  healthy: string;
  watch: string;
  atRisk: string;
  /** Accounts without data (SPEC "Not enough data"): grey. */
  noData: string;
}

function read(): ChartColors {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text', '#1d1d1b'),
    muted: v('--muted', '#6b6b66'),
    border: v('--border', '#e3e3de'),
    surface: v('--surface', '#ffffff'),
    accent: v('--accent', '#2f6f5e'),
    healthy: v('--healthy', '#2e7d4f'),
    watch: v('--watch', '#9a6700'),
    atRisk: v('--at-risk', '#b3261e'),
    noData: v('--low', '#56656f'),
  };
}

export function useChartColors(): ChartColors {
  const [colors, setColors] = useState(read);
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const update = () => setColors(read());
    media.addEventListener('change', update);
    return () => media.removeEventListener('change', update);
  }, []);
  return colors;
}
