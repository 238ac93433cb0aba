/**
 * bench/support/nginx.ts sameSendingSettings: the spike benchmark's second static server copies the cache server's
 * own directives for sending files (found with nginx-conf's parser), so that "the same nginx serving a file" stays the
 * same as deploy/ changes.
 */
import { describe, expect, it } from "vitest";
import { sameSendingSettings } from "@/bench/support/nginx";
import { renderNginxConfig } from "@/deploy/nginx/render";

describe("sameSendingSettings", () => {
  it("finds the deploy/ template's server-level settings for sending files", () => {
    const config = renderNginxConfig({ listen: "127.0.0.1:8080", upstreams: ["127.0.0.1:3001"], cacheDir: "/tmp/c" });
    expect(sameSendingSettings(config)).toEqual(["tcp_nopush off", "open_file_cache max=1000 inactive=20s"]);
  });

  it("takes a server block's directives only: not the http context's, a location's, or a comment's", () => {
    const config = `
      sendfile off;
      map $http_cookie $signed_in { default 0; "~a;b{" 1; }
      server {
          listen 80;   # tcp_nopush on;
          tcp_nopush   off;
          location /static/ { sendfile off; aio threads; }
          add_header X-Note "open_file_cache max=1;";
          open_file_cache max=10
                          inactive=5s;
      }
      server { sendfile on; }
    `;
    expect(sameSendingSettings(config)).toEqual([
      "tcp_nopush off",
      "open_file_cache max=10 inactive=5s",
      "sendfile on",
    ]);
  });

  it("says so when the file does not parse, rather than finding nothing", () => {
    expect(() => sameSendingSettings('server { add_header X "unclosed; tcp_nopush off; }')).toThrow(
      /nginx configuration: .*unclosed string/,
    );
  });

  it("finds none in a server block without them", () => {
    expect(sameSendingSettings("server { listen 80; location / { proxy_pass http://app; } }")).toEqual([]);
  });
});
