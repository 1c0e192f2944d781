// Chart colours from styles.css's variables (SVG attributes cannot read var()), re-read when the OS
// switches between light and dark.
import { useEffect, useState } from 'react';

const NAMES = ['accent', 'muted', 'border', 'text', 'surface', 'healthy', 'watch', 'at-risk', 'high'] as const;
export type ThemeColors = Record<(typeof NAMES)[number], string>;

function read(): ThemeColors {
  const style = getComputedStyle(document.documentElement);
  return Object.fromEntries(NAMES.map((n) => [n, style.getPropertyValue(`--${n}`).trim() || '#888'])) as ThemeColors;
}

export function useThemeColors(): ThemeColors {
  const [colors, setColors] = useState(read);
  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const update = () => setColors(read());
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return colors;
}
