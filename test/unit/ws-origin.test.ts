import { webSocketOriginAllowed } from '../../src/server/ws-origin';

describe('the Origin a WebSocket upgrade may come from', () => {
  const listed = new Set(['https://wall.example.org']);

  it('lets programs without an Origin, listed origins and the hub’s own origin through', () => {
    expect(webSocketOriginAllowed(undefined, '127.0.0.1:4000', listed)).toBe(true);
    expect(webSocketOriginAllowed('https://wall.example.org', '127.0.0.1:4000', listed)).toBe(true);
    expect(webSocketOriginAllowed('http://127.0.0.1:4000', '127.0.0.1:4000', listed)).toBe(true);
    expect(webSocketOriginAllowed('https://hub.gov.cn', 'hub.gov.cn', listed)).toBe(true);
    // The default port is left out of an origin and may be written in Host.
    expect(webSocketOriginAllowed('http://hub.gov.cn', 'hub.gov.cn:80', listed)).toBe(true);
    expect(webSocketOriginAllowed('http://HUB.gov.cn', 'hub.gov.cn', listed)).toBe(true);
  });

  it('refuses any other page', () => {
    expect(webSocketOriginAllowed('https://evil.example.org', '127.0.0.1:4000', listed)).toBe(false);
    expect(webSocketOriginAllowed('http://127.0.0.1:4001', '127.0.0.1:4000', listed)).toBe(false);
    expect(webSocketOriginAllowed('http://127.0.0.1:4000', undefined, listed)).toBe(false);
    expect(webSocketOriginAllowed('null', '127.0.0.1:4000', listed)).toBe(false);
    expect(webSocketOriginAllowed('http://127.0.0.1:4000', 'bad host/x y', listed)).toBe(false);
    expect(webSocketOriginAllowed('file://', '127.0.0.1:4000', listed)).toBe(false);
    expect(webSocketOriginAllowed('https://wall.example.org.evil.org', 'x', listed)).toBe(false);
  });
});
