/** src/integrations/csp-hashes.mjs: each page's CSP lists exactly its own inline scripts and styles. */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { inlineHashes, pageCsp } from '../../src/integrations/csp-hashes.mjs';

const h = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const page = (policy: string, body: string) =>
  `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${policy}"></head><body>${body}</body></html>`;
const policyOf = (html: string) => html.match(/content="([^"]*)"/)![1]!;

describe('per-page CSP hashes', () => {
  const astro = "default-src 'self'; object-src 'none'; script-src 'self' 'sha256-AAAA' 'sha256-BBBB'; style-src 'self' 'sha256-CCCC';";

  it('adds the hash of an is:inline script and drops hashes of scripts the page does not contain', () => {
    const out = pageCsp(page(astro, '<script>document.documentElement.classList.add("js")</script>'));
    const policy = policyOf(out);
    expect(policy).toContain(`script-src 'self' ${h('document.documentElement.classList.add("js")')};`);
    expect(policy).not.toContain('AAAA');
    expect(policy).toContain("style-src 'self';");
    expect(policy).toMatch(/^default-src 'self'; object-src 'none'; /);
  });

  it('hashes inline <style> and module scripts, and skips external scripts and JSON data blocks', () => {
    const html = page(astro, '<style>.a{color:red}</style><script type="module">x()</script><script src="/a.js"></script><script type="application/json">{"a":1}</script>');
    expect(inlineHashes(html)).toEqual({ scripts: [h('x()')], styles: [h('.a{color:red}')] });
    const policy = policyOf(pageCsp(html));
    expect(policy).toContain(`script-src 'self' ${h('x()')};`);
    expect(policy).toContain(`style-src 'self' ${h('.a{color:red}')};`);
    expect(policy).not.toContain(h('{"a":1}'));
  });

  it('keeps hashes configured in astro.config.mjs on every page', () => {
    const policy = policyOf(pageCsp(page(astro, ''), { scripts: ["'sha256-CONF'"], styles: [] }));
    expect(policy).toContain("script-src 'self' 'sha256-CONF';");
  });

  it('leaves a page without a CSP <meta> unchanged', () => {
    const html = '<html><head></head><body><script>a()</script></body></html>';
    expect(pageCsp(html)).toBe(html);
  });
});
