import { describe, expect, it } from 'vitest';
import { PRODUCTION_CSP } from '../main/csp';
import { browserHostCsp, rewriteIndexHtml } from './host-page';

const origin = 'http://127.0.0.1:43123';
const built = `<!doctype html>
<html><head>
<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; connect-src &#39;none&#39;">
<title>Customerscore Importer</title>
<script type="module" crossorigin src="./assets/index-abc.js"></script>
</head><body><div id="root"></div></body></html>`;

describe('browserHostCsp', () => {
  it("is production's policy with connect-src opened to the host's own origin and socket only", () => {
    const csp = browserHostCsp(origin);
    expect(csp).toBe(
      PRODUCTION_CSP.replace("connect-src 'none'", "connect-src 'self' ws://127.0.0.1:43123"),
    );
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe');
  });
});

describe('rewriteIndexHtml', () => {
  const html = rewriteIndexHtml(built, browserHostCsp(origin));

  it('loads the bridge from a file before the app script', () => {
    const bridge = html.indexOf('<script src="/__host/bridge.js"></script>');
    expect(bridge).toBeGreaterThan(0);
    expect(bridge).toBeLessThan(html.indexOf('./assets/index-abc.js'));
  });

  it("puts the host's policy in the meta tag, which would otherwise still close connect-src", () => {
    const metas = html.match(/<meta http-equiv="Content-Security-Policy"[^>]*>/g) ?? [];
    expect(metas).toHaveLength(1);
    expect(metas[0]).toContain('connect-src &#39;self&#39; ws://127.0.0.1:43123');
    expect(metas[0]).not.toContain('frame-ancestors');
  });

  it('adds the bridge before </head> when the page has no script', () => {
    const plain = rewriteIndexHtml(
      '<html><head></head><body></body></html>',
      browserHostCsp(origin),
    );
    expect(plain).toMatch(/<script src="\/__host\/bridge.js"><\/script>\s*<\/head>/);
  });
});
