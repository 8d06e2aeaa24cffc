/** The embed page's only stylesheet: small, readable at 320 px, light and dark themes. */
export const EMBED_STYLES = `
:root{color-scheme:light;--text:#1b1b1b;--muted:#555;--bg:#fff;--accent:#005eb8;--rule:#d8dde0;--note:#f0f4f5;--urgent:#d5281b;--urgent-bg:#fdf1f0}
:root[data-theme=dark]{color-scheme:dark;--text:#e8e8e8;--muted:#aaa;--bg:#121212;--accent:#7fb2ff;--rule:#333;--note:#1e2326;--urgent:#ff8a7a;--urgent-bg:#2a1a19}
*{box-sizing:border-box}
html,body{margin:0;background:var(--bg);color:var(--text)}
body{font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;padding:1rem;overflow-wrap:anywhere}
h1{font-size:1.5rem;line-height:1.2;margin:0 0 .75rem}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
h3{font-size:1.1rem;margin:1.25rem 0 .4rem}
h4,h5,h6{font-size:1rem;margin:1rem 0 .3rem}
ul,ol{padding-left:1.25rem}
li{margin:.25rem 0}
a{color:var(--accent)}
.disclaimer{background:var(--note);border-left:4px solid var(--accent);padding:.5rem .75rem;margin:1.25rem 0 .75rem;font-size:.95rem}
.disclaimer p{margin:.3rem 0}
.urgent-advice{background:var(--urgent-bg);border-left:4px solid var(--urgent);padding:.5rem .75rem;margin:1.25rem 0 .75rem;font-size:.95rem}
.urgent-advice h2{font-size:1.05rem;margin:.25rem 0 .4rem}
.urgent-advice p{margin:.3rem 0}
.attribution{border-top:1px solid var(--rule);padding-top:.5rem;font-size:.875rem;color:var(--muted)}
.attribution p{margin:.25rem 0}
`.trim();

/**
 * Tells the parent page this document's height whenever it changes, so the
 * iframe can be sized to fit (see /embed.js). Only a number is sent.
 */
export const EMBED_HEIGHT_SCRIPT = `(function(){var last=-1;function report(){var h=Math.ceil(document.documentElement.getBoundingClientRect().height);if(h!==last){last=h;parent.postMessage({type:"health-article:height",height:h},"*")}}if(typeof ResizeObserver==="function"){new ResizeObserver(report).observe(document.documentElement)}addEventListener("load",report);report()})();`;
