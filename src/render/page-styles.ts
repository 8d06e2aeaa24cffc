/** The article page's only stylesheet, inlined and allowed by its CSP hash. */
export const PAGE_STYLES = `
:root{color-scheme:light dark;--text:#1b1b1b;--muted:#555;--bg:#fff;--accent:#005eb8;--rule:#d8dde0;--note:#f0f4f5;--urgent:#d5281b;--urgent-bg:#fdf1f0}
@media (prefers-color-scheme:dark){:root{--text:#e8e8e8;--muted:#aaa;--bg:#121212;--accent:#7fb2ff;--rule:#333;--note:#1e2326;--urgent:#ff8a7a;--urgent-bg:#2a1a19}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--text);font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
header.site,main{max-width:44rem;margin:0 auto;padding:0 1rem}
nav ol{display:flex;flex-wrap:wrap;gap:.25rem .5rem;list-style:none;margin:1rem 0 0;padding:0;font-size:.9rem;color:var(--muted)}
nav li+li::before{content:"›";margin-right:.5rem}
a{color:var(--accent)}
h1{font-size:2.1rem;line-height:1.2;margin:1rem 0 .5rem}
h2{font-size:1.55rem;line-height:1.25;margin:2.25rem 0 .5rem;padding-top:.5rem;border-top:1px solid var(--rule)}
h3{font-size:1.25rem;margin:1.75rem 0 .5rem}
h4,h5,h6{font-size:1.1rem;margin:1.5rem 0 .4rem}
p,li{max-width:40rem}
ul,ol{padding-left:1.4rem}
li{margin:.3rem 0}
.byline{color:var(--muted);margin:0 0 1.5rem}
.disclaimer{background:var(--note);border-left:4px solid var(--accent);padding:.75rem 1rem;margin:2.5rem 0 1.5rem}
.disclaimer p{margin:.4rem 0}
.urgent-advice{background:var(--urgent-bg);border-left:4px solid var(--urgent);padding:.5rem 1rem;margin:0 0 1.5rem;font-size:.95rem}
.urgent-advice h2{border:0;padding:0;font-size:1.15rem;margin:.25rem 0 .4rem}
.urgent-advice p{margin:.3rem 0}
.urgent-advice ul{margin:.3rem 0}
footer.about{border-top:1px solid var(--rule);margin:2rem 0 3rem;padding-top:1rem;font-size:.95rem}
footer.about h2{border:0;font-size:1.2rem;margin-top:1rem;padding:0}
footer.about h3{font-size:1.05rem;margin:1rem 0 .25rem}
footer.about dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
footer.about dt{font-weight:600}
footer.about dd{margin:0}
`.trim();
