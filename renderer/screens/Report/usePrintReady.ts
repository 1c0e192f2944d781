// Tells the print engine (Electron's printToPDF or headless Chromium) when the document is drawn:
// fonts loaded, every chart container holding its SVG, two frames painted. Sets
// <body data-print-ready="true">, or data-print-error when the data could not be loaded.
import { useEffect } from 'react';

export function usePrintReady(loaded: boolean, error: string | null): void {
  useEffect(() => {
    document.documentElement.classList.add('print-mode');
    return () => {
      document.documentElement.classList.remove('print-mode');
      delete document.body.dataset.printReady;
      delete document.body.dataset.printError;
    };
  }, []);

  useEffect(() => {
    if (error) {
      document.body.dataset.printError = error;
      return;
    }
    if (!loaded) return;
    let cancelled = false;
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
    const chartsDrawn = () =>
      [...document.querySelectorAll('.print-doc .chart')].every((chart) => chart.querySelector('svg.recharts-surface'));
    (async () => {
      await document.fonts.ready;
      for (let i = 0; i < 50 && !chartsDrawn(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      await frame();
      await frame();
      if (!cancelled) document.body.dataset.printReady = 'true';
    })();
    return () => {
      cancelled = true;
    };
  }, [loaded, error]);
}
