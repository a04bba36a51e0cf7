// Monaco editors for the page: C# for the handler, JSON for the event. Monaco itself comes with BlazorMonaco's
// static assets and loads in the background; the server hears about edits once typing pauses, not per keystroke.
(function () {
  "use strict";

  const editors = new Map();
  let nextId = 1;
  let monacoReady = null;

  function loadMonaco() {
    if (!monacoReady) {
      monacoReady = new Promise((resolve, reject) => {
        const start = () => {
          window.require.config({ paths: { vs: new URL("_content/BlazorMonaco/lib/monaco-editor/min/vs", document.baseURI).href.replace(/\/$/, "") } });
          window.require(["vs/editor/editor.main"], () => resolve(window.monaco), reject);
        };
        if (typeof window.require === "function" && window.require.config) {
          start();
        } else {
          window.addEventListener("load", start, { once: true });
        }
      });
    }
    return monacoReady;
  }

  const severities = { Error: 8, Warning: 4, Info: 2 };

  async function create(element, options, dotnetRef) {
    const monaco = await loadMonaco();
    const editor = monaco.editor.create(element, {
      value: options.value || "",
      language: options.language || "csharp",
      theme: options.theme || "vs",
      readOnly: !!options.readOnly,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      lineHeight: 21,
      fontFamily: "'JetBrains Mono', 'Cascadia Code', 'Fira Code', Menlo, Consolas, monospace",
      scrollBeyondLastLine: false,
      tabSize: 4,
      renderLineHighlight: "line",
      padding: { top: 8, bottom: 8 },
      fixedOverflowWidgets: true,
      ariaLabel: options.ariaLabel || "Code editor",
      lineNumbersMinChars: 3,
      glyphMargin: false,
      wordWrap: "on",
      folding: !options.minimal,
    });
    const id = nextId++;
    const entry = { editor, dotnetRef, timer: 0, decorations: [] };
    editors.set(id, entry);
    const delay = options.debounceMs || 350;
    editor.onDidChangeModelContent(() => {
      clearTimeout(entry.timer);
      entry.timer = setTimeout(() => dotnetRef.invokeMethodAsync("OnEditorChanged", editor.getValue()), delay);
    });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => dotnetRef.invokeMethodAsync("OnInvokeShortcut"));
    element.setAttribute("data-editor-ready", "true");
    element.setAttribute("data-editor-id", String(id));
    return id;
  }

  function get(id) {
    const entry = editors.get(id);
    return entry ? entry.editor : null;
  }

  window.playground = Object.assign(window.playground || {}, {
    editor: {
      create,
      getValue(id) {
        const editor = get(id);
        return editor ? editor.getValue() : null;
      },
      setValue(id, value) {
        const editor = get(id);
        if (editor && editor.getValue() !== value) {
          // Through an edit, so that Ctrl+Z brings the user's text back after "Reset" or loading an example.
          editor.pushUndoStop();
          editor.executeEdits("playground", [{ range: editor.getModel().getFullModelRange(), text: value }]);
          editor.pushUndoStop();
        }
      },
      setMarkers(id, owner, markers) {
        const editor = get(id);
        if (!editor) return;
        window.monaco.editor.setModelMarkers(editor.getModel(), owner, markers.map((m) => ({
          severity: severities[m.severity] || 8,
          message: m.message,
          code: m.code || undefined,
          startLineNumber: m.line,
          startColumn: m.column,
          endLineNumber: m.endLine,
          endColumn: m.endColumn > m.column || m.endLine > m.line ? m.endColumn : m.column + 1,
        })));
      },
      // A whole-line highlight for the line an invocation failed at (a marker alone is easy to miss).
      highlightLine(id, line) {
        const entry = editors.get(id);
        if (!entry) return;
        const decorations = line > 0 ? [{
          range: new window.monaco.Range(line, 1, line, 1),
          options: { isWholeLine: true, className: "pg-error-line", linesDecorationsClassName: "pg-error-line-gutter" },
        }] : [];
        entry.decorations = entry.editor.deltaDecorations(entry.decorations, decorations);
        if (line > 0) entry.editor.revealLineInCenterIfOutsideViewport(line);
      },
      revealLine(id, line, column) {
        const editor = get(id);
        if (!editor) return;
        editor.revealLineInCenter(line);
        editor.setPosition({ lineNumber: line, column: column || 1 });
        editor.focus();
      },
      setTheme(theme) {
        if (window.monaco) window.monaco.editor.setTheme(theme);
      },
      setReadOnly(id, readOnly) {
        const editor = get(id);
        if (editor) editor.updateOptions({ readOnly });
      },
      dispose(id) {
        const entry = editors.get(id);
        if (!entry) return;
        clearTimeout(entry.timer);
        entry.editor.dispose();
        editors.delete(id);
      },
    },
  });
})();
