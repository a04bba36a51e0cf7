// The page's small browser-side helpers: drafts in localStorage, the clipboard, the Ctrl+Enter shortcut, and the
// clocks that count "frozen for" without asking the server every second.
(function () {
  "use strict";

  const storage = {
    load(key) {
      try { return window.localStorage.getItem(key); } catch { return null; }
    },
    save(key, value) {
      try { window.localStorage.setItem(key, value); } catch { /* private mode or full: the draft lives on in the page */ }
    },
    remove(key) {
      try { window.localStorage.removeItem(key); } catch { }
    },
  };

  async function copy(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Iframes and plain http often refuse the async clipboard; the old way still works there.
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      let done = false;
      try { done = document.execCommand("copy"); } catch { }
      area.remove();
      return done;
    }
  }

  // Ctrl+Enter (Cmd+Enter) invokes from anywhere on the page; inside an editor the editor's own command handles it.
  let shortcutTarget = null;
  document.addEventListener("keydown", (e) => {
    if (!shortcutTarget || e.defaultPrevented || e.key !== "Enter" || !(e.ctrlKey || e.metaKey)) return;
    if (e.target instanceof Element && e.target.closest(".monaco-editor")) return;
    e.preventDefault();
    shortcutTarget.invokeMethodAsync("OnInvokeShortcut");
  });

  function formatElapsed(ms) {
    if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
    const s = ms / 1000;
    if (s < 10) return `${s.toFixed(1)} s`;
    if (s < 60) return `${Math.floor(s)} s`;
    const m = Math.floor(s / 60);
    if (m < 60) return `${m} min ${Math.floor(s % 60)} s`;
    return `${Math.floor(m / 60)} h ${m % 60} min`;
  }

  // Elements with data-elapsed-ms show a running time: the server renders how long it was at render time, the
  // browser adds what passed since it saw that value (no clock skew between the two).
  const seen = new WeakMap();
  function tick() {
    if (document.visibilityState !== "visible") return;
    const now = performance.now();
    for (const el of document.querySelectorAll("[data-elapsed-ms]")) {
      const base = Number(el.getAttribute("data-elapsed-ms"));
      let entry = seen.get(el);
      if (!entry || entry.base !== base) {
        entry = { base, at: now };
        seen.set(el, entry);
      }
      const text = formatElapsed(entry.base + (now - entry.at));
      if (el.textContent !== text) el.textContent = text;
    }
  }
  setInterval(tick, 250);

  window.playground = Object.assign(window.playground || {}, {
    storage,
    clipboard: { copy },
    shortcuts: {
      register(dotnetRef) { shortcutTarget = dotnetRef; },
      unregister(dotnetRef) { if (shortcutTarget === dotnetRef) shortcutTarget = null; },
    },
    scrollToBottom(element) {
      if (element) element.scrollTop = element.scrollHeight;
    },
  });
})();
