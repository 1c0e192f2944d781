// Global overlays mounted once by App: quick capture (Ctrl/Cmd+L) and the command palette (Ctrl/Cmd+K).
export function Overlays() {
  return null;
}
