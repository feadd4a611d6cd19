import css from './overlay.css?inline';

let sheet: CSSStyleSheet | undefined;

/**
 * An open shadow root on a host, sharing one constructed stylesheet: no `<style>` ever goes into
 * GitHub's `<head>` (Turbo would reload the page), and one parse serves every row.
 */
export function shadowOf(host: HTMLElement): ShadowRoot {
  if (host.shadowRoot) return host.shadowRoot;
  const root = host.attachShadow({ mode: 'open' });
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  try {
    root.adoptedStyleSheets = [sheet];
  } catch {
    // Firefox content scripts may not adopt a sheet built in their sandbox: a <style> inside the shadow root then (never in <head>).
    const style = host.ownerDocument.createElement('style');
    style.textContent = css;
    root.append(style);
  }
  return root;
}
