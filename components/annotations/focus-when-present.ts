/**
 * Focuses the element with this id once it is in the page: after a refresh
 * the server's new markup arrives a moment later. Gives up after a few seconds
 * rather than watching forever.
 */
export function focusWhenPresent(id: string, timeoutMs = 5000): void {
  const startedAt = performance.now();
  const attempt = () => {
    const element = document.getElementById(id);
    if (element) {
      element.focus({ preventScroll: true });
      element.scrollIntoView({ block: "nearest" });
      return;
    }
    if (performance.now() - startedAt < timeoutMs) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
